import { createHash as nodeCreateHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHash, sha256Bytes } from '../../../../src/web/app/shims/crypto.js';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

describe('browser createHash (SHA-256)', () => {
  it('gives the FIPS 180-2 test vectors', () => {
    // FIPS 180-2, Appendix B.1 ("abc"), B.2 (the 448-bit message) and the empty-string digest (NIST CSRC examples).
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches Node.js on text of every length around the 64-byte block boundaries, UTF-8 included', () => {
    // Lengths 0–200 cross the padding cases: 55/56 bytes (length field fits or not) and whole blocks.
    for (let n = 0; n <= 200; n++) {
      const text = 'é€x'.repeat(n).slice(0, n);
      expect(hex(text), `length ${n}`).toBe(nodeCreateHash('sha256').update(text).digest('hex'));
    }
  });

  it('hashes several updates as their concatenation, and bytes as bytes', () => {
    // Same digest as one update of the joined text (the streaming contract of Node's Hash).
    expect(createHash('sha256').update('ab').update('c').digest('hex')).toBe(hex('abc'));
    expect(Buffer.from(sha256Bytes(new Uint8Array([0x61, 0x62, 0x63]))).toString('hex')).toBe(hex('abc'));
  });

  it('refuses other algorithms and encodings, naming them', () => {
    expect(() => createHash('md5')).toThrow(/only sha256.*md5/);
    expect(() => createHash('sha256').digest('base64' as 'hex')).toThrow(/only hex.*base64/);
  });
});
