import type { en } from './en';

/** The net capability's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'error.NET_SLOT_CARD_TAKEN.message': 'La tarjeta de red {card} ya pertenece al puesto de otro router en esta estación.',
  'error.NET_SLOT_CARD_TAKEN.meaning': 'Dos routers no pueden compartir una tarjeta: cada uno necesita su propio cable a su propia tarjeta. El router en {card} (alcanzado desde {source}) sigue sin interrupciones; no se cambió nada para el nuevo.',
  'error.NET_SLOT_CARD_TAKEN.fix': 'Conecte el nuevo router a una tarjeta de red libre (o a un adaptador de red USB) y elija esa tarjeta, o termine primero el trabajo en esta tarjeta.',
  'error.NET_CARD_LISTEN_UNAVAILABLE.message': 'Rescue Bench no puede escuchar solo en la tarjeta de red {card}.',
  'error.NET_CARD_LISTEN_UNAVAILABLE.meaning': 'Con varios routers en el banco, los mensajes del modo de rescate de cada tarjeta deben distinguirse; sin esto, un mensaje podría mostrarse para el router equivocado, por eso no se inició la escucha en esta tarjeta.',
  'error.NET_CARD_LISTEN_UNAVAILABLE.fix': 'Trabaje con un router a la vez en este equipo, o reinstale Rescue Bench (puede faltar su parte de red).',
};
