/**
 * The audible cue: the user is looking at the router, not the screen. A short WebAudio beep and, where the
 * system has a voice, the spoken words "Press now". Browsers only allow sound after a user gesture, so the
 * Start button calls unlockSound() to create the audio context early.
 */
let ctx: AudioContext | undefined;

export function unlockSound(): void {
  try {
    if (!ctx && typeof AudioContext !== 'undefined') ctx = new AudioContext();
    void ctx?.resume();
  } catch {
    // no audio device: the cue stays visual
  }
}

export function beep(durationMs = 180, hz = 880): boolean {
  try {
    if (!ctx && typeof AudioContext !== 'undefined') ctx = new AudioContext();
    if (!ctx) return false;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = hz;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(ctx.destination);
    const t = ctx.currentTime;
    osc.start(t);
    osc.stop(t + durationMs / 1000);
    return true;
  } catch {
    return false;
  }
}

/** Speak `words` in the language `lang` (a BCP 47 tag): a voice of that language where the system has one. */
export function say(words: string, lang = 'en'): boolean {
  try {
    if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return false;
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(words);
    u.lang = lang;
    const voice = speechSynthesis.getVoices?.().find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === lang.toLowerCase().split('-')[0]);
    if (voice) u.voice = voice;
    u.rate = 1.1;
    speechSynthesis.speak(u);
    return true;
  } catch {
    return false;
  }
}
