import type { en } from './en';

/** The net capability's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'error.NET_SLOT_CARD_TAKEN.message': 'Die Netzwerkkarte {card} gehört auf dieser Station schon zum Platz eines anderen Routers.',
  'error.NET_SLOT_CARD_TAKEN.meaning': 'Zwei Router können sich keine Karte teilen: Jeder braucht sein eigenes Kabel an seiner eigenen Karte. Der Router an {card} (erreicht von {source}) arbeitet ungestört weiter; für den neuen wurde nichts verändert.',
  'error.NET_SLOT_CARD_TAKEN.fix': 'Stecken Sie den neuen Router an eine freie Netzwerkkarte (oder einen USB-Netzwerkadapter) und wählen Sie diese Karte, oder beenden Sie zuerst den Auftrag an dieser Karte.',
  'error.NET_CARD_LISTEN_UNAVAILABLE.message': 'Rescue Bench kann nicht allein auf der Netzwerkkarte {card} mithören.',
  'error.NET_CARD_LISTEN_UNAVAILABLE.meaning': 'Mit mehreren Routern auf dem Tisch müssen die Meldungen des Rettungsmodus jeder Karte auseinandergehalten werden; sonst könnte eine Meldung beim falschen Router erscheinen. Darum wurde das Mithören auf dieser Karte nicht gestartet.',
  'error.NET_CARD_LISTEN_UNAVAILABLE.fix': 'Arbeiten Sie an diesem Computer mit einem Router nach dem anderen, oder installieren Sie Rescue Bench neu (sein Netzwerkteil fehlt vielleicht).',
};
