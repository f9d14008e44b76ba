import { NotBuiltView } from './NotBuiltView';
import { SECTIONS } from '../sections';

export function FirmwareView() {
  return <NotBuiltView section={SECTIONS.find((s) => s.id === 'firmware')!} />;
}
