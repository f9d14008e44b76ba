import { NotBuiltView } from './NotBuiltView';
import { SECTIONS } from '../sections';

export function FlashView() {
  return <NotBuiltView section={SECTIONS.find((s) => s.id === 'flash')!} />;
}
