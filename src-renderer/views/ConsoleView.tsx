import { NotBuiltView } from './NotBuiltView';
import { SECTIONS } from '../sections';

export function ConsoleView() {
  return <NotBuiltView section={SECTIONS.find((s) => s.id === 'console')!} />;
}
