import { NotBuiltView } from './NotBuiltView';
import { SECTIONS } from '../sections';

export function TftpView() {
  return <NotBuiltView section={SECTIONS.find((s) => s.id === 'tftp')!} />;
}
