import { requireRecipients } from '../../../common/validation';

describe('requireRecipients', () => {
  it('should keep good addresses, normalised and once', () => {
    expect(requireRecipients(['Privacy@Example.com ', 'legal@example.com', 'privacy@example.com'], 'recipients')).toEqual(['privacy@example.com', 'legal@example.com']);
    expect(requireRecipients([], 'recipients')).toEqual([]);
  });

  it('should answer BAD_USER_INPUT naming every malformed address', () => {
    let error: any;
    try {
      requireRecipients(['ok@example.com', 'not-an-address', 'Boss <boss@example.com>', 'x@y.com\r\nBcc: all@example.com'], 'recipients');
    } catch (e) {
      error = e;
    }
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'recipients' });
    expect(error.extensions.invalid).toEqual(['not-an-address', 'Boss <boss@example.com>', 'x@y.com\r\nBcc: all@example.com']);
    expect(error.message).toMatch(/"not-an-address" must have exactly one @/);
  });
});
