/**
 * The net capability's words in English, the source (decision 0100): keys start with `net.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  'error.NET_SLOT_CARD_TAKEN.message': 'The network card {card} already belongs to another router’s place on this station.',
  'error.NET_SLOT_CARD_TAKEN.meaning': 'Two routers cannot share one card: each needs its own cable to its own card. The router on {card} (reached from {source}) goes on undisturbed; nothing was changed for the new one.',
  'error.NET_SLOT_CARD_TAKEN.fix': 'Plug the new router into a free network card (or a USB network adapter) and choose that card, or finish the job on this card first.',
  'error.NET_CARD_LISTEN_UNAVAILABLE.message': 'Rescue Bench cannot listen on the network card {card} alone.',
  'error.NET_CARD_LISTEN_UNAVAILABLE.meaning': 'With several routers on the bench, each card’s rescue-mode messages must be told apart; without this, a message could be shown for the wrong router, so this card’s listener was not started.',
  'error.NET_CARD_LISTEN_UNAVAILABLE.fix': 'Run one router at a time on this computer, or reinstall Rescue Bench (its network part may be missing).',
} as const satisfies Record<string, string>;
