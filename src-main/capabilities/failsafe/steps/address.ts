import { toErrorShape } from '../../../../src-shared/errors';
import type { StepExecutor, StepOutcome } from '../../playbook';
import { inSubnet, rescueAddressHowTo } from '../../../platform';
import { BAG, cardOf, clock, fault, routerOf } from './common';
import type { FailsafeDeps } from './deps';
import { said } from '../../../../src-shared/i18n/said';

/**
 * This computer needs an address in the router's rescue network (and must not have the router's own), and
 * nothing may answer at the router's address yet (the router is off). Offers once to set 192.168.1.10 with the
 * OS's privilege prompt; otherwise says exactly how to set it on this OS.
 */
export function addressStep(deps: FailsafeDeps): StepExecutor {
  const address: StepExecutor = async (ctx): Promise<StepOutcome> => {
    const router = routerOf(ctx);
    if (router.startsWith('127.')) {
      // the practice router lives on this computer's loopback: no cable, no address to set, and a closed port
      // there always answers with a reset, so "something answers" would mean nothing (decision 0091)
      ctx.evidence(said('failsafe.said.practiceAddress', { router }));
      return { ok: true };
    }
    const itfs = (await deps.interfaces()).filter((i) => !i.internal);
    // a card of its own (a station slot, --interface): its address was set up for this router before the run
    const card = cardOf(ctx);
    const good = card ? { address: card.sourceAddress, name: card.interface } : itfs.find((i) => inSubnet(i.address, router, 24) && i.address !== router);
    if (!good) {
      const clash = itfs.find((i) => i.address === router);
      const candidate = itfs.find((i) => !i.address.startsWith('169.254.')) ?? itfs[0];
      const how = rescueAddressHowTo(deps.platform, candidate?.name);
      if (!clash && candidate && deps.setAddress && !ctx.bag.get(BAG.triedSetAddress)) {
        const a = await ctx.ask({
          text: said('failsafe.said.ask.noAddress', { net: router.replace(/\.\d+$/, '.x'), iface: candidate.name }),
          detail: said('failsafe.said.ask.noAddressDetail', how.values),
          choices: [
            { id: 'set', label: said('failsafe.said.choice.setForMe'), primary: true },
            { id: 'self', label: said('failsafe.said.choice.setMyself') },
          ],
        });
        if (a.choice === 'set') {
          ctx.bag.set(BAG.triedSetAddress, true);
          const setting = deps.setAddress(candidate.name, '192.168.1.10');
          if (setting) {
            try {
              await setting;
              ctx.evidence(said('failsafe.said.addedAddress', { iface: candidate.name, time: clock(ctx.now()) }));
              return address(ctx);
            } catch (err) {
              const e = toErrorShape(err);
              ctx.evidence(said('failsafe.said.addFailed', { detail: e.details ?? e.message }));
            }
          }
        }
      }
      const list = itfs.length ? itfs.map((i) => `${i.name} ${i.cidr}`).join(', ') : 'none';
      // the fix quotes the platform's steps for this OS (privilege.ts rescueAddressHowTo) by their values
      const details = `This computer's addresses: ${list}`;
      if (clash) return fault('ADDRESS_CLASH', { router, iface: clash.name, ...how.values }, details);
      return fault('NO_RESCUE_ADDRESS', { net: router.replace(/\.\d+$/, '.x'), ...how.values }, details);
    }
    ctx.evidence(said('failsafe.said.hasAddress', { addr: good.address, iface: good.name }));
    const answers = await Promise.all([80, 22, 23].map((p) => deps.probe(router, p, 700, card?.sourceAddress)));
    if (answers.some((r) => r !== 'none')) {
      ctx.evidence(said('failsafe.said.somethingAnswers', { router }));
      const a = await ctx.ask({
        text: said('failsafe.said.ask.answers', { router }),
        detail: said('failsafe.said.ask.answersDetail', { iface: good.name }),
        choices: [
          { id: 'again', label: said('playbook.again.check'), primary: true },
          { id: 'go', label: said('failsafe.said.choice.continueAnyway') },
        ],
      });
      if (a.choice === 'again') return fault('ADDRESS_IN_USE', { router });
      ctx.evidence(said('failsafe.said.continuedAnyway'));
    } else {
      ctx.evidence(said('failsafe.said.nothingAnswers', { router }));
    }
    return { ok: true };
  };
  return address;
}
