/** "30-50001770-4", "30500017704", "30 50001770 4" → "30500017704" when it has 11 digits. */
export function parseCuit(_written: string): string | null {
  throw new Error('not implemented');
}

/** Mod-11 check digit with weights 5,4,3,2,7,6,5,4,3,2; a computed 10 is never valid. */
export function isValidCuit(_cuit: string): boolean {
  throw new Error('not implemented');
}
