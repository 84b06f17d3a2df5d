/** Line and column of offsets in a text, for report locators. */
import type { Locator } from './types.js';

/** Index of line starts of a text, built once per file. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** 1-based line and column (UTF-16 units) of `offset`. */
  locate(offset: number, segment = 0): Locator {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { segment, line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}
