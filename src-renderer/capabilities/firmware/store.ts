import { create } from 'zustand';
import type { InspectionReport, VerdictWire } from '../../../src-shared/capabilities/firmware/contract';
import type { CommandInput, RbError } from '../../../src-shared/contract';
import type { RbApi } from '../../api/types';
import { uploadAndInspect } from './upload';

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
  /*
   * Commands. A view calls these and never writes a reply itself: the report and the verdict enter the store
   * here (firmware sends no events). They throw the command's error for the view to show.
   */
  /** firmware.inspect: a file already on the workstation; its reply is the report. */
  inspectPath(api: RbApi, path: string): Promise<void>;
  /** Send a file chosen in this window in chunks, then inspect it there; the reply is the report. */
  inspectFile(api: RbApi, file: File, progress: (sent: number) => void): Promise<void>;
  /**
   * firmware.verdict: only the newest request's reply is kept (the router may be changed while one is out,
   * and a new report or setVerdict drops what is outstanding); an older request's error is not thrown.
   */
  judge(api: RbApi, req: CommandInput<'firmware.verdict'>): Promise<void>;
}

/** Numbers verdict requests: a reply counts only while its number is the newest. */
let verdictSeq = 0;

/** The firmware check: the last inspected image, its verdict, and an upload in progress. */
export const useFirmware = create<FirmwareStore>((set, get) => ({
  busy: 'idle',
  setReport: (report) => {
    verdictSeq++;
    set({ report, verdict: undefined, error: undefined });
  },
  setVerdict: (verdict) => {
    verdictSeq++;
    set({ verdict });
  },
  setBusy: (busy) => set({ busy }),
  setUpload: (upload) => set({ upload }),
  setError: (error) => set({ error }),
  clear: () => {
    verdictSeq++;
    set({ report: undefined, verdict: undefined, error: undefined, upload: undefined, busy: 'idle' });
  },
  inspectPath: async (api, path) => {
    get().setReport(await api.invoke('firmware.inspect', { path }));
  },
  inspectFile: async (api, file, progress) => {
    get().setReport(await uploadAndInspect(api, file, progress));
  },
  judge: async (api, req) => {
    const mine = ++verdictSeq;
    try {
      const verdict = await api.invoke('firmware.verdict', req);
      if (mine === verdictSeq) set({ verdict });
    } catch (err) {
      if (mine === verdictSeq) throw err;
    }
  },
}));
