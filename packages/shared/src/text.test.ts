import { describe, expect, it } from 'vitest';
import { containsNul, foldText } from './text.js';

describe('foldText', () => {
  it('drops case, diacritics and the stroke of đ', () => {
    expect(foldText('Huyện Hoằng Hóa')).toBe('huyen hoang hoa');
    expect(foldText('Đông Sơn')).toBe('dong son');
    expect(foldText('Phường Điện Biên')).toBe('phuong dien bien');
  });
});

describe('containsNul', () => {
  it('finds a NUL character in any string, key or nested field of a request', () => {
    expect(containsNul('abc\u0000')).toBe(true);
    expect(containsNul({ q: ['x', { id: 'a\u0000' }] })).toBe(true);
    expect(containsNul({ 'k\u0000': 1 })).toBe(true);
    expect(containsNul({ q: 'Hoằng Hóa', n: 3, list: [null, true] })).toBe(false);
  });
});
