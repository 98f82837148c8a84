import { describe, expect, it } from 'vitest';
import { foldText } from './text.js';

describe('foldText', () => {
  it('drops case, diacritics and the stroke of đ', () => {
    expect(foldText('Huyện Hoằng Hóa')).toBe('huyen hoang hoa');
    expect(foldText('Đông Sơn')).toBe('dong son');
    expect(foldText('Phường Điện Biên')).toBe('phuong dien bien');
  });
});
