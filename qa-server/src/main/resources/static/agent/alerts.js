/*
 * Telling the agent that something happened: a short tone (mutable, remembered in this browser) and a toast line.
 * The title's count of unread conversations is lists.js's.
 */
import { $ } from './dom.js';

const MUTE_KEY = 'kefu.agent.muted';
let muted = false;
try { muted = localStorage.getItem(MUTE_KEY) === '1'; } catch (e) { muted = false; }
let audio = null, toastTimer = null;

/** Browsers start sound only after a gesture: the first click or key press makes the audio context. */
function unlockAudio() {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) return;
  if (!audio) { try { audio = new Ctx(); } catch (e) { audio = null; return; } }
  if (audio.state === 'suspended') audio.resume();
}
document.addEventListener('click', unlockAudio, true);
document.addEventListener('keydown', unlockAudio, true);

/** Two short notes, unless muted. */
export function beep() {
  if (muted) return;
  unlockAudio();
  if (!audio) return;
  try {
    const t = audio.currentTime, osc = audio.createOscillator(), gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(880, t);
    osc.frequency.setValueAtTime(660, t + 0.09);
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.2, t + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.2);
    osc.connect(gain);
    gain.connect(audio.destination);
    osc.start(t);
    osc.stop(t + 0.22);
  } catch (e) { /* no sound is no harm */ }
}

function renderMute() {
  const b = $('mute');
  b.textContent = muted ? '声音：关' : '声音：开';
  b.setAttribute('aria-pressed', String(muted));
  b.setAttribute('aria-label', muted ? '提示音已关闭，点击打开' : '提示音已打开，点击关闭');
}
$('mute').addEventListener('click', () => {
  muted = !muted;
  try { localStorage.setItem(MUTE_KEY, muted ? '1' : '0'); } catch (e) { /* private mode */ }
  renderMute();
});
renderMute();

/** Whether the agent is looking at this page now. */
export function watching() { return !document.hidden && document.hasFocus(); }

export function toast(text) {
  const t = $('toast');
  t.textContent = text;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 6000);
}
