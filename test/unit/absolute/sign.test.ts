import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { absDate, canonicalQuery, signAbsoluteRequest, strictEncode } from '../../../electron/vendors/absolute/sign';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('ABS1-HMAC-SHA-256 signing', () => {
  it('encodes strictly: only A-Z a-z 0-9 - _ . ~ stay as they are', () => {
    expect(canonicalQuery({ $filter: "substringof('60001', esn) eq true" })).toBe('%24filter=substringof%28%2760001%27%2C%20esn%29%20eq%20true');
    expect(strictEncode("a-b_c.d~e!*'()é")).toBe('a-b_c.d~e%21%2A%27%28%29%C3%A9');
  });

  it('sorts parameters by name and leaves an empty line without a query', () => {
    expect(canonicalQuery({ $top: '10', $skip: '0', $filter: 'x' })).toBe('%24filter=x&%24skip=0&%24top=10');
    expect(canonicalQuery({})).toBe('');
  });

  it('formats X-Abs-Date in UTC, also just before midnight', () => {
    expect(absDate(new Date('2021-09-24T20:27:42.123Z'))).toBe('20210924T202742Z');
    expect(absDate(new Date('2021-12-31T23:59:59.999Z'))).toBe('20211231T235959Z');
  });

  it('matches a signature computed step by step from the spec', () => {
    const date = new Date('2022-08-08T20:29:10Z');
    const headers = signAbsoluteRequest({
      method: 'POST',
      host: 'api.absolute.com',
      path: '/v2/device-unenrollment/unenroll',
      query: {},
      contentType: 'application/json',
      body: '[{"deviceUid":"56be8d1f-2eb8-4e9b-bbd6-1aab032abcde"}]',
      date,
      region: 'cadc',
      tokenId: '1a79b64c-ac8e-478b-9799-d5be9d4ae82d',
      tokenSecret: 'secret-for-the-test',
    });
    // The canonical request, written out literally.
    const canonical = [
      'POST',
      '/v2/device-unenrollment/unenroll',
      '',
      'host:api.absolute.com',
      'content-type:application/json',
      'x-abs-date:20220808T202910Z',
      sha('[{"deviceUid":"56be8d1f-2eb8-4e9b-bbd6-1aab032abcde"}]'),
    ].join('\n');
    const toSign = `ABS1-HMAC-SHA-256\n20220808T202910Z\n20220808/cadc/abs1\n${sha(canonical)}`;
    const kDate = createHmac('sha256', 'ABS1secret-for-the-test').update('20220808').digest();
    const kSigning = createHmac('sha256', kDate).update('abs1_request').digest();
    const signature = createHmac('sha256', kSigning).update(toSign).digest('hex');
    expect(headers).toEqual({
      host: 'api.absolute.com',
      'content-type': 'application/json',
      'x-abs-date': '20220808T202910Z',
      authorization: `ABS1-HMAC-SHA-256 Credential=1a79b64c-ac8e-478b-9799-d5be9d4ae82d/20220808/cadc/abs1, SignedHeaders=host;content-type;x-abs-date, Signature=${signature}`,
    });
  });

  it('puts the region in the credential scope', () => {
    const h = signAbsoluteRequest({ method: 'GET', host: 'api.eu2.absolute.com', path: '/v2/reporting/devices', query: { $top: '1' }, contentType: 'application/json', body: '', date: new Date(0), region: 'eudc', tokenId: 't', tokenSecret: 's' });
    expect(h.authorization).toContain('Credential=t/19700101/eudc/abs1');
  });
});
