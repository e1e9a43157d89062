/** A paste with separators and more than one entry is a list of devices, not a query. */
export function looksLikeList(text: string): boolean {
  return /[\n\t,;]/.test(text.trim()) && text.split(/[\n\t,;]+/).filter((t) => t.trim()).length > 1;
}
