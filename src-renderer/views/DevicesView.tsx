import { NotBuiltView } from './NotBuiltView';
import { SECTIONS } from '../sections';

export function DevicesView() {
  return <NotBuiltView section={SECTIONS.find((s) => s.id === 'devices')!} />;
}
