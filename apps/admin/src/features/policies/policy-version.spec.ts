import { weakerForUsers } from './policy-version';

describe('weakerForUsers', () => {
  it('should name the wildcard clause that got weaker, not every category it reaches', () => {
    const changes = [
      { topic: 'RETENTION', subject: '*', kind: 'WEAKER' },
      { topic: 'COLLECTION', subject: 'user.contact.email', kind: 'STRICTER' },
    ];
    const subjects = ['RETENTION user.contact.email', 'RETENTION user.location.precise', 'RETENTION device.log', 'RETENTION user.health'];
    expect(weakerForUsers(changes, subjects)).toEqual(['RETENTION *']);
  });

  it('should name a removed clause, and fall back to a summary of subjects no changed clause explains', () => {
    expect(weakerForUsers([{ topic: 'SHARING', subject: 'user.health', kind: 'REMOVED' }], ['SHARING user.health'])).toEqual(['SHARING user.health']);
    expect(weakerForUsers([], ['MINORS a', 'MINORS b', 'MINORS c', 'MINORS d', 'MINORS e'])).toEqual(['MINORS a', 'MINORS b', 'MINORS c', '2 more']);
  });
});
