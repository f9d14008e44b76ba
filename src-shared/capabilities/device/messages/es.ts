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
  "device.said.danger.bootloader": "Es el cargador de arranque: el primer programa que ejecuta el router. Si se daña, el router no puede arrancar en absoluto y solo un programador de flash puede arreglarlo.",
  "device.said.danger.bootloaderEnv": "Son los ajustes del cargador de arranque. Si son incorrectos, el router puede arrancar el firmware equivocado o volver a los valores por defecto.",
  "device.said.danger.bootCounter": "Es el contador de arranques de Linksys. Escribirlo puede hacer que el router cambie a su otro firmware.",
  "device.said.danger.calibration": "Son la calibración del Wi-Fi y las direcciones MAC. Son únicas de este router y ningún archivo de firmware las contiene; una copia equivocada estropea el Wi-Fi para siempre.",
  "device.said.danger.identity": "Es la identidad del router (número de serie, MAC, ajustes de fábrica), única de esta unidad.",
  "device.said.danger.bbt": "Es la tabla de bloques defectuosos de la NAND. Sobrescribirla hace que la flash olvide qué bloques están gastados.",
  "device.said.danger.readOnly": "El propio firmware del router marca esta partición como de solo lectura, lo que suele significar que nunca debe cambiar.",
  "device.said.danger.running": "El router está funcionando ahora desde la ranura de firmware {slot} ({evidence}). Escribirla le quita el suelo bajo los pies al sistema en marcha.",
  "device.said.warning.noPartitions": "El router no muestra ninguna partición de flash (/proc/mtd está vacío o no existe).",
  "device.said.warning.noOffsets": "El router no indica dónde empieza cada partición; el mapa las muestra en orden, una tras otra.",
  "device.said.warning.noNc": "El router no tiene el comando «nc», así que las copias por telnet no pueden copiar datos. Usa SSH si lo tiene.",
};
