#!/usr/bin/env node
/**
 * A stand-in for OpenWrt preinit's failsafe wait (lib/preinit/30_failsafe_wait, facts §1.2–1.4), run inside a
 * test's "router" namespace. It sends the exact netmsg datagrams (UDP to the broadcast address, port 4919,
 * 1001 bytes: DE AD + text + NULs), one "Please press button now to enter failsafe" per second for the
 * timeout, and optionally prints the preinit console text on a serial pty and reads `f` + Enter from it.
 *
 * Control on stdin (one word a line): `boot` starts a boot, `press` is the user's button press.
 * Reports on stdout as JSON lines: ready, prompt {at}, console-prompt {at}, key {text}, failsafe {via}, regular.
 *
 * Options: --broadcast 192.168.1.255 --port 4919 --timeout 2 --show-netmsg (also send "Entering Failsafe!\n"
 * and "Continuing with Regular Preinit\n" with the literal backslash-n ash leaves in them) --console /dev/pts/N
 */
import dgram from 'node:dgram';
import fs from 'node:fs';
import readline from 'node:readline';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const broadcast = opt('broadcast', '192.168.1.255');
const port = Number(opt('port', '4919'));
const timeout = Number(opt('timeout', '2'));
const showNetmsg = args.includes('--show-netmsg');
const consolePath = opt('console', '');

const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');

function netmsg(text) {
  const out = Buffer.alloc(1001);
  out[0] = 0xde;
  out[1] = 0xad;
  Buffer.from(text, 'utf8').copy(out, 2, 0, 998);
  return out;
}

const sock = dgram.createSocket('udp4');
await new Promise((r) => sock.bind(0, () => r()));
sock.setBroadcast(true);
const send = (text) => new Promise((r) => sock.send(netmsg(text), port, broadcast, () => r()));

let consoleFd;
let consoleIn = '';
if (consolePath) {
  consoleFd = fs.openSync(consolePath, 'r+');
  const rs = fs.createReadStream('', { fd: consoleFd, autoClose: false });
  rs.on('data', (b) => {
    consoleIn += b.toString('latin1');
    let i;
    while ((i = consoleIn.search(/[\r\n]/)) >= 0) {
      const line = consoleIn.slice(0, i);
      consoleIn = consoleIn.slice(i + 1);
      if (!line) continue;
      say({ event: 'key', text: line, at: Date.now() });
      if (line.trim() === 'f') pressed = 'serial';
    }
  });
  rs.on('error', () => undefined);
}
const consoleWrite = (s) => {
  if (consoleFd !== undefined) fs.writeSync(consoleFd, s);
};

let pressed = '';
let booting = false;

async function boot() {
  booting = true;
  pressed = '';
  consoleWrite('[    1.234567] init: Console is alive\r\n');
  if (showNetmsg) await send('Doing OpenWrt Preinit\\n');
  for (let i = 0; i < timeout && !pressed; i++) {
    if (i === 0) {
      consoleWrite('Press the [f] key and hit [enter] to enter failsafe mode\r\n');
      consoleWrite('Press the [1], [2], [3] or [4] key and hit [enter] to select the debug level\r\n');
      say({ event: 'console-prompt', at: Date.now() });
    }
    await send('Please press button now to enter failsafe');
    say({ event: 'prompt', at: Date.now(), n: i + 1 });
    for (let t = 0; t < 20 && !pressed; t++) await new Promise((r) => setTimeout(r, 50));
  }
  if (pressed) {
    consoleWrite('- failsafe -\r\n');
    if (showNetmsg) await send('Entering Failsafe!\\n');
    say({ event: 'failsafe', via: pressed, at: Date.now() });
  } else {
    consoleWrite('- regular preinit -\r\n');
    if (showNetmsg) await send('Continuing with Regular Preinit\\n');
    say({ event: 'regular', at: Date.now() });
  }
  booting = false;
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (l) => {
  const w = l.trim();
  if (w === 'boot' && !booting) void boot();
  else if (w === 'press' && booting) pressed = 'button';
  else if (w === 'quit') process.exit(0);
});
rl.on('close', () => process.exit(0));
say({ event: 'ready' });
