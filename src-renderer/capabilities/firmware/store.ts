import { create } from 'zustand';
import type { InspectionReport, VerdictWire } from '../../../src-shared/capabilities/firmware/contract';
import type { RbError } from '../../../src-shared/contract';

export interface UploadProgress {
  fileName: string;
  sent: number;
  total: number;
}

interface FirmwareStore {
  report?: InspectionReport;
  verdict?: VerdictWire;
  busy: 'idle' | 'uploading' | 'inspecting' | 'judging';
  upload?: UploadProgress;
  error?: RbError;
  setReport(r: InspectionReport): void;
  setVerdict(v: VerdictWire | undefined): void;
  setBusy(b: FirmwareStore['busy']): void;
  setUpload(u: UploadProgress | undefined): void;
  setError(e: RbError | undefined): void;
  clear(): void;
}

/** The firmware check: the last inspected image, its verdict, and an upload in progress. */
export const useFirmware = create<FirmwareStore>((set) => ({
  busy: 'idle',
  setReport: (report) => set({ report, verdict: undefined, error: undefined }),
  setVerdict: (verdict) => set({ verdict }),
  setBusy: (busy) => set({ busy }),
  setUpload: (upload) => set({ upload }),
  setError: (error) => set({ error }),
  clear: () => set({ report: undefined, verdict: undefined, error: undefined, upload: undefined, busy: 'idle' }),
}));
