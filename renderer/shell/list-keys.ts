// The row a key moves the selection to in a list box of `total` rows, `page` rows high;
// undefined for keys that do not move it.
export function rowAfterKey(key: string, selected: number, total: number, page: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowDown: selected + 1,
    ArrowUp: selected - 1,
    PageDown: selected + page,
    PageUp: selected - page,
    Home: 0,
    End: total - 1,
  };
  if (!(key in moves) || total === 0) return undefined;
  return Math.max(0, Math.min(total - 1, moves[key]!));
}
