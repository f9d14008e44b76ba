import type { en } from './en';

/** The device capability's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'error.DISCOVERY_FAILED.message': 'El router no respondió a las preguntas sobre su flash.',
  'error.DISCOVERY_FAILED.meaning': 'Puede que su línea de comandos sea poco habitual o muy limitada.',
  'error.DISCOVERY_FAILED.fix': 'Asegúrate de que el router ejecuta OpenWrt (normal, en modo de rescate o initramfs) y vuelve a intentarlo.',
  'error.KEY_FILE_UNREADABLE.message': 'Rescue Bench no pudo leer el archivo de clave {file}.',
  'error.KEY_FILE_UNREADABLE.meaning': 'Sin él no puede funcionar el inicio de sesión SSH con clave.',
  'error.KEY_FILE_UNREADABLE.fix': 'Revisa la ruta y que el archivo se puede leer, o inicia sesión con una contraseña.',
  'error.KEY_FILE_UNUSABLE.message':
    '{encrypted, select, yes {El archivo de clave {file} está bloqueado con una frase de contraseña.} other {El archivo {file} no es una clave privada SSH que Rescue Bench pueda usar.}}',
  'error.KEY_FILE_UNUSABLE.meaning': 'Rescue Bench no intentó iniciar sesión con él.',
  'error.KEY_FILE_UNUSABLE.fix':
    '{encrypted, select, yes {Usa una clave sin frase de contraseña para el router (ssh-keygen -t ed25519 -N ""), o inicia sesión con una contraseña.} other {Elige la clave privada (p. ej. id_ed25519, no id_ed25519.pub), o inicia sesión con una contraseña.}}',
};
