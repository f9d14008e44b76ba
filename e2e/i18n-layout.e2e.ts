/**
 * The pseudo-locale in a real layout (issue 19): every section and the start screen rendered in en-XA (every
 * catalogue text accented and 40 % longer) in Chromium at 1280×800 and at tablet width (820 px), and the
 * PRESS-NOW cue and the practice router's dock too. The test fails on cut-off text:
 *  - an element with its own text whose content is wider (or taller) than its box while overflow is
 *    hidden or clip (the rest is simply not drawn);
 *  - text-overflow: ellipsis that is cutting words (content wider than the box);
 *  - a line of text that sticks out of its button, card, badge, table cell or form field's label;
 *  - a page wider than the window (the person has to scroll sideways to read).
 * Scrolling boxes (transcripts, tables in a scroll wrapper) are not cut-off: the rest is one scroll away.
 * Sections whose words are not all in the catalogue yet still show some English; escaped strings are the
 * pseudo-scan unit test's business (test/renderer/i18n/pseudo-scan.test.tsx), not this one's.
 *
 * The cue for a person who asked for less motion and more contrast (prefers-reduced-motion, prefers-contrast):
 * spoken in the language shown ("Jetzt drücken", utterance lang "de"), nothing blinks, pure yellow, the whole window.
 *
 * Then German: three screens for docs/screenshots (backup, Netgear recovery, practice router), each checked the
 * same way and with <html lang="de">.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { browserSupport, failureScreenshot, reportSkipIfNeeded, startBench, type Bench } from './support';
import { escapedWords } from '../test-support/pseudo-scan';
import * as W from '../test-support/firmware-images';

const support = browserSupport();
reportSkipIfNeeded('pseudo-locale layout e2e', support);

const VIEWPORTS = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: 'tablet', width: 820, height: 1180 },
];

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Every cut-off text on the page now, one line each ("where: how — text"). Runs in the page. */
async function cutOffs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (el: Element): string => {
      const id = el.getAttribute('data-testid') ?? el.id;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls}`;
    };
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      const cs = getComputedStyle(el);
      return cs.visibility !== 'hidden' && cs.display !== 'none';
    };
    const ownText = (el: Element): string =>
      [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
    const scrolls = (el: Element): boolean => {
      const cs = getComputedStyle(el);
      return /(auto|scroll)/.test(cs.overflowX) || /(auto|scroll)/.test(cs.overflowY);
    };
    // the visually hidden helpers (skip link off screen, screen-reader-only text) are meant to be clipped
    const srOnly = (el: Element): boolean => !!el.closest('.sr-only, .visually-hidden, .skip-link:not(:focus)');

    for (const el of document.querySelectorAll('body *')) {
      if (!(el instanceof HTMLElement) || el.closest('svg, script, style, datalist, option') || srOnly(el) || !visible(el)) continue;
      const cs = getComputedStyle(el);
      const text = (el.innerText ?? '').trim();
      if (!text) continue;
      const clipX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
      const clipY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
      if (clipX && el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)}: ${el.scrollWidth - el.clientWidth}px cut on the right — "${text.slice(0, 60)}"`);
      else if (clipY && el.scrollHeight > el.clientHeight + 1 && ownText(el)) out.push(`${name(el)}: ${el.scrollHeight - el.clientHeight}px cut at the bottom — "${text.slice(0, 60)}"`);
      if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)}: ellipsis cuts the text — "${text.slice(0, 60)}"`);
    }

    // a line of text sticking out of the box it belongs to
    const BOX = 'button, .btn, .card, .badge, .practice-badge, summary, label, th, td, li, .nav-item, [role="button"], [role="tab"], [role="status"]';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !(n.textContent ?? '').trim() || parent.closest('svg, script, style, option, datalist') || srOnly(parent) || !visible(parent)) continue;
      const box = parent.closest(BOX);
      if (!box || seen.has(box)) continue;
      // inside a scroll box below the box (a transcript in a card): reachable by scrolling
      let scroller: Element | null = parent;
      let inScroller = false;
      while (scroller && scroller !== box) {
        if (scrolls(scroller)) inScroller = true;
        scroller = scroller.parentElement;
      }
      if (inScroller) continue;
      const b = box.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width === 0) continue;
        if (r.right > b.right + 1 || r.left < b.left - 1) {
          seen.add(box);
          out.push(`${name(box)}: text sticks out ${Math.round(Math.max(r.right - b.right, b.left - r.left))}px — "${(n.textContent ?? '').trim().slice(0, 60)}"`);
          break;
        }
      }
    }

    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page: ${doc.scrollWidth - doc.clientWidth}px wider than the window (sideways scrolling)`);
    return out;
  });
}

async function sections(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid^="nav-"]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice(4)));
}

describe.skipIf(!support.ok)('pseudo-locale (40 % longer) in the real layout: no cut-off text', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await startBench();
  });
  afterAll(async () => {
    await bench?.services.practice.stop().catch(() => undefined);
    await bench?.close();
  });

  it('the check finds cut-off text (so the tests below can fail)', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    try {
      await page.goto(`${bench.server.url}&lang=en-XA`);
      await page.locator('[data-testid="connection"][data-status="open"]').waitFor({ timeout: 15_000 });
      expect(await cutOffs(page)).toEqual([]);
      // four ways to cut text, put into the real page (its CSP allows no inline script, but DOM calls from here are fine)
      await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const add = (html: string) => main.insertAdjacentHTML('beforeend', html);
        add('<button class="btn" data-testid="probe-clip" style="width:60px;overflow:hidden;white-space:nowrap">Ƥřḗşş ŧħḗ ƀŭŧŧǿƞ ƞǿẇ</button>');
        add('<p data-testid="probe-ellipsis" style="width:80px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap">Ŀǿƞɠ ẇǿřḓş ŧħȧŧ ḓǿ ƞǿŧ ƒīŧ</p>');
        add('<div class="card" data-testid="probe-card" style="width:90px"><span style="white-space:nowrap">Ȧ ŀīƞḗ ŧħȧŧ şŧīƈķş ǿŭŧ ǿƒ īŧş ƈȧřḓ</span></div>');
        add('<div data-testid="probe-wide" style="width:3000px">ẇīḓḗ</div>');
      });
      const found = (await cutOffs(page)).join('\n');
      expect(found).toMatch(/button#probe-clip\.btn: \d+px cut on the right/);
      expect(found).toMatch(/p#probe-ellipsis: ellipsis cuts the text/);
      expect(found).toMatch(/div#probe-card\.card: text sticks out/);
      expect(found).toMatch(/page: \d+px wider than the window/);
    } finally {
      await ctx.close();
    }
  });

  for (const vp of VIEWPORTS) {
    it(`start screen and every section, en-XA, ${vp.name}`, async () => {
      const ctx = await bench.browser.newContext({ viewport: { width: vp.width, height: vp.height } });
      const page = await ctx.newPage();
      try {
        await page.goto(`${bench.server.url}&lang=en-XA`);
        await page.locator('[data-testid="connection"][data-status="open"]').waitFor({ timeout: 15_000 });
        // the pseudo-locale formats as English: <html lang> names the language the words are in
        await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('en');
        await expect(page.locator('h1#section-title').textContent()).resolves.toMatch(/^⟦/);
        const found: string[] = (await cutOffs(page)).map((l) => `start: ${l}`);
        for (const id of await sections(page)) {
          await page.getByTestId(`nav-${id}`).click();
          await page.locator('h1#section-title').waitFor();
          await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
          for (const line of await cutOffs(page)) found.push(`${id}: ${line}`);
        }
        expect(found).toEqual([]);
      } catch (e) {
        await failureScreenshot(page, `layout-en-XA-${vp.name}`);
        throw e;
      } finally {
        await ctx.close();
      }
    });
  }

  it("the firmware view with an inspected image (its structure tree and the inspector's warnings), en-XA, at both widths: every word from the catalogue, nothing cut off", async () => {
    // an OpenWrt upgrade archive whose kernel is cut off inside its member: tree descriptions with the image's own
    // names, a cut-off warning in the tree and in the integrity line
    const dir = W.tmpDir('i18n-fw');
    const file = path.join(dir, 'openwrt-cut-sysupgrade.bin');
    const tar = W.tarOf([
      { name: 'sysupgrade-linksys_wrt32x/CONTROL', data: Buffer.from('BOARD=linksys_wrt32x\n') },
      { name: 'sysupgrade-linksys_wrt32x/kernel', data: W.uimageOf(W.noise(300_000, 3), { name: 'ARM OpenWrt Linux-6.6.86' }).subarray(0, 100_000) },
      { name: 'sysupgrade-linksys_wrt32x/root', data: W.fakeSquashfs(64 * 1024) },
    ]);
    fs.writeFileSync(file, W.appendFwtool(tar, W.openwrtMeta({ devices: ['linksys,wrt32x'], compat: '2.0' })));
    const ctx = await bench.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    try {
      await page.goto(`${bench.server.url}&lang=en-XA`);
      await page.locator('[data-testid="connection"][data-status="open"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('nav-firmware').click();
      await page.getByTestId('fw-file').setInputFiles(file);
      await page.getByTestId('fw-report').waitFor();
      await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await expect(page.locator('.fw-note').count()).resolves.toBeGreaterThan(0);
      // the words of the report card and the tree outside what is marked as data (decision 0118)
      const texts = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of [document.querySelector('[data-testid="fw-report"]'), document.querySelector('[data-testid="fw-expert"]')]) {
          const root = el!.cloneNode(true) as HTMLElement;
          root.querySelectorAll('[data-i18n-data],script,style').forEach((e) => e.remove());
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) out.push(n.textContent);
        }
        return out;
      });
      expect(texts.join(' ')).toMatch(/⟦/);
      expect(texts.flatMap((t) => escapedWords(t, ['KiB', 'MiB']).map((w) => `${w} ← "${t.trim().slice(0, 80)}"`))).toEqual([]);
      const found: string[] = [];
      for (const vp of VIEWPORTS) {
        await page.setViewportSize({ width: vp.width, height: vp.height });
        for (const line of await cutOffs(page)) found.push(`${vp.name}: ${line}`);
      }
      expect(found).toEqual([]);
    } catch (e) {
      await failureScreenshot(page, 'firmware-en-XA');
      throw e;
    } finally {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the practice router running (its section and the dock) and the PRESS-NOW cue, en-XA, at both widths', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const found: string[] = [];
    const look = async (where: string) => {
      for (const vp of VIEWPORTS) {
        await page.setViewportSize({ width: vp.width, height: vp.height });
        for (const line of await cutOffs(page)) found.push(`${where} ${vp.name}: ${line}`);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    };
    try {
      await page.goto(`${bench.server.url}&lang=en-XA`);
      await page.locator('[data-testid="connection"][data-status="open"]').waitFor({ timeout: 15_000 });
      await bench.services.practice.start('forgot-password', await freeUdpPort());
      await page.getByTestId('practice-dock').waitFor();
      await page.getByTestId('nav-practice').click();
      await page.getByTestId('practice-now').waitFor();
      await look('practice');
      await page.getByTestId('nav-failsafe').click();
      await page.getByTestId('fs-start-button').click();
      await page.locator('[data-testid="fs-now"][data-step="cables"]').waitFor();
      await page.getByTestId('fs-choice-ok').click();
      await page.locator('[data-testid="fs-now"][data-step="watch"]').waitFor({ timeout: 15_000 });
      await look('guide (watch)');
      await page.getByTestId('practice-power').click();
      await page.getByTestId('failsafe-cue').waitFor({ timeout: 15_000 });
      await look('cue');
      // leave no guide running for the next test: hide the cue, stop the guide
      await page.keyboard.press('Escape');
      await page.getByTestId('fs-stop').click();
      await page.getByTestId('fs-start-button').waitFor({ timeout: 15_000 });
      expect(found).toEqual([]);
    } catch (e) {
      await failureScreenshot(page, 'layout-en-XA-practice-cue');
      throw e;
    } finally {
      await ctx.close();
      await bench.services.practice.stop().catch(() => undefined);
    }
  });

  it('the cue in German for a person who asked for less motion and more contrast: "Jetzt drücken" spoken in German, nothing blinks, pure yellow', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', contrast: 'more' });
    // what the page asks the speech synthesiser to say, recorded before the app starts
    await ctx.addInitScript(() => {
      const w = window as unknown as { spoken: { text: string; lang: string }[] };
      w.spoken = [];
      if (typeof speechSynthesis !== 'undefined') speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void w.spoken.push({ text: u.text, lang: u.lang });
    });
    const page = await ctx.newPage();
    try {
      await page.goto(`${bench.server.url}&lang=de`);
      await page.locator('[data-testid="connection"][data-status="open"]').waitFor({ timeout: 15_000 });
      await expect(page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches && matchMedia('(prefers-contrast: more)').matches)).resolves.toBe(true);
      await bench.services.practice.start('forgot-password', await freeUdpPort());
      await page.getByTestId('nav-failsafe').click();
      await page.getByTestId('fs-start-button').click();
      await page.locator('[data-testid="fs-now"][data-step="cables"]').waitFor();
      await page.getByTestId('fs-choice-ok').click();
      await page.locator('[data-testid="fs-now"][data-step="watch"]').waitFor({ timeout: 15_000 });
      // the LED guide stops blinking and still says the rate in words
      await page.getByTestId('fs-led').waitFor();
      const led = await page.getByTestId('fs-led').evaluate((el) => ({ words: el.textContent ?? '', animations: [...el.querySelectorAll('*')].map((x) => getComputedStyle(x).animationName).filter((n) => n !== 'none') }));
      expect(led.animations).toEqual([]);
      expect(led.words).toMatch(/\d/);
      await page.getByTestId('practice-power').click();
      const cue = page.getByTestId('failsafe-cue');
      await cue.waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => (window as unknown as { spoken: unknown[] }).spoken.length > 0, undefined, { timeout: 5_000 });
      await expect(page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken)).resolves.toEqual([{ text: 'Jetzt drücken', lang: 'de' }]);
      const look = await cue.evaluate((el) => ({
        background: getComputedStyle(el).backgroundColor,
        animations: [el, ...el.querySelectorAll('*')].map((x) => getComputedStyle(x).animationName).filter((n) => n !== 'none'),
        title: el.querySelector('#fs-cue-title')?.textContent ?? '',
        covers: el.getBoundingClientRect().width >= window.innerWidth && el.getBoundingClientRect().height >= window.innerHeight,
      }));
      expect(look).toEqual({ background: 'rgb(255, 255, 0)', animations: [], title: expect.stringMatching(/^JETZT DIE RESET-TASTE.* DRÜCKEN$/), covers: true });
      // and the person can still hear it: the beep or the voice is recorded on the cue
      await expect(cue.getAttribute('data-sound')).resolves.toMatch(/\+speech$/);
    } catch (e) {
      await failureScreenshot(page, 'cue-reduced-motion-contrast');
      throw e;
    } finally {
      await ctx.close();
      await bench.services.practice.stop().catch(() => undefined);
    }
  });

  it('German: backup, Netgear recovery and the practice router at 1280×800 for docs/screenshots, with <html lang="de"> and nothing cut off', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    try {
      await page.goto(`${bench.server.url}&lang=de`);
      await page.locator('[data-testid="connection"][data-status="open"]').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('de');
      const found: string[] = [];
      await page.getByTestId('nav-flash').click();
      await expect(page.locator('h1#section-title').textContent()).resolves.toBe('Sichern & wiederherstellen');
      for (const l of await cutOffs(page)) found.push(`flash: ${l}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await bench.screenshot('de-backup', page);

      await page.getByTestId('nav-nmrp').click();
      await expect(page.locator('h1#section-title').textContent()).resolves.toBe('Netgear-Rettung');
      await expect(page.locator('#nmrp-setup-title').textContent()).resolves.toBe('Einen Netgear-Router retten');
      for (const l of await cutOffs(page)) found.push(`nmrp: ${l}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await bench.screenshot('de-nmrp', page);

      await bench.services.practice.start('forgot-password', await freeUdpPort());
      await page.getByTestId('nav-practice').click();
      await page.getByTestId('practice-now').waitFor();
      await page.getByTestId('practice-power').first().click();
      await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('de');
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const l of await cutOffs(page)) found.push(`practice: ${l}`);
      await bench.screenshot('de-practice', page);
      expect(found).toEqual([]);
    } catch (e) {
      await failureScreenshot(page, 'layout-de');
      throw e;
    } finally {
      await ctx.close();
      await bench.services.practice.stop().catch(() => undefined);
    }
  });
});
