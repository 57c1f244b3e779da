/** Lower case without accents: "Pékin" → "pekin". What alias and search comparisons use. */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().trim();
}
