import { STORED_ASSESSMENT_STATUSES } from '../assessments/vocabulary';
import { SHARING_STATUSES } from '../shared/vocabulary';
import { type Actor, mayReadAuditLog } from './actor';
import {
  assessmentActionsFor,
  mayAcceptFindings,
  mayAdministerAccess,
  mayChangeService,
  mayDraftAssessment,
  mayDraftPolicy,
  mayEditSharing,
  mayExport,
  mayExtendTaxonomy,
  mayManageProcessors,
  mayPublishPolicy,
  mayResolveConflict,
  sharingActionsFor,
} from './permissions';

const actor = (id: string, roles: string[], teamIds: string[] = []): Actor => ({ id, roles, teamIds });
const officer = actor('dpo', ['PRIVACY_OFFICER']);
const requester = actor('eng', ['ENGINEER'], ['geo']);
const teammate = actor('eng2', ['ENGINEER'], ['geo']);
const outsider = actor('media', ['ENGINEER'], ['media']);
const auditor = actor('aud', ['AUDITOR'], ['geo']);
const admin = actor('root', ['ADMIN'], ['geo']);

describe('sharingActionsFor', () => {
  const at = (status: (typeof SHARING_STATUSES)[number]) => ({ status, teamId: 'geo', requestedById: 'eng' });

  it('should let the requester and its team submit or withdraw a draft, and an officer submit it', () => {
    expect(sharingActionsFor(requester, at('DRAFT'))).toEqual(['submit', 'withdraw']);
    expect(sharingActionsFor(teammate, at('DRAFT'))).toEqual(['submit', 'withdraw']);
    expect(sharingActionsFor(officer, at('DRAFT'))).toEqual(['submit']);
  });

  it('should let officers approve or reject a pending arrangement and its team withdraw it', () => {
    expect(sharingActionsFor(officer, at('PENDING_REVIEW'))).toEqual(['approve', 'reject']);
    expect(sharingActionsFor(teammate, at('PENDING_REVIEW'))).toEqual(['withdraw']);
  });

  it('should let an officer who requested it withdraw it too', () => {
    expect(sharingActionsFor(officer, { ...at('PENDING_REVIEW'), requestedById: 'dpo' })).toEqual(['approve', 'reject', 'withdraw']);
  });

  it('should let officers and the owning team revoke an approved arrangement', () => {
    expect(sharingActionsFor(officer, at('APPROVED'))).toEqual(['revoke']);
    expect(sharingActionsFor(teammate, at('APPROVED'))).toEqual(['revoke']);
  });

  it('should offer another team, auditors and admins nothing, members or not', () => {
    for (const status of SHARING_STATUSES) {
      for (const who of [outsider, auditor, admin]) expect(sharingActionsFor(who, at(status))).toEqual([]);
    }
  });

  it('should offer nothing on a final state', () => {
    for (const status of ['REJECTED', 'REVOKED', 'WITHDRAWN'] as const) {
      for (const who of [officer, requester, teammate]) expect(sharingActionsFor(who, at(status))).toEqual([]);
    }
  });
});

describe('policy permissions', () => {
  it('should let officers draft any policy and the owning team its service policy only', () => {
    expect(mayDraftPolicy(officer, { scope: 'GLOBAL', teamId: null })).toBe(true);
    expect(mayDraftPolicy(teammate, { scope: 'SERVICE', teamId: 'geo' })).toBe(true);
    expect(mayDraftPolicy(teammate, { scope: 'GLOBAL', teamId: null })).toBe(false);
    expect(mayDraftPolicy(outsider, { scope: 'SERVICE', teamId: 'geo' })).toBe(false);
    expect(mayDraftPolicy(auditor, { scope: 'SERVICE', teamId: 'geo' })).toBe(false);
  });

  it('should let only officers publish', () => {
    expect(mayPublishPolicy(officer)).toBe(true);
    for (const who of [teammate, auditor, admin]) expect(mayPublishPolicy(who)).toBe(false);
  });
});

describe('conflict and finding permissions', () => {
  it('should let officers resolve OPEN conflicts only', () => {
    expect(mayResolveConflict(officer, { status: 'OPEN' })).toBe(true);
    expect(mayResolveConflict(officer, { status: 'RESOLVED' })).toBe(false);
    expect(mayResolveConflict(officer, { status: 'SUPERSEDED' })).toBe(false);
    for (const who of [teammate, auditor, admin]) expect(mayResolveConflict(who, { status: 'OPEN' })).toBe(false);
  });

  it('should let only officers accept findings', () => {
    expect(mayAcceptFindings(officer)).toBe(true);
    for (const who of [teammate, auditor, admin]) expect(mayAcceptFindings(who)).toBe(false);
  });
});

describe('mayReadAuditLog', () => {
  it('should open the audit log to auditors, officers and admins, not engineers', () => {
    for (const who of [auditor, officer, admin]) expect(mayReadAuditLog(who)).toBe(true);
    expect(mayReadAuditLog(teammate)).toBe(false);
  });
});

describe('assessment permissions', () => {
  const at = (status: (typeof STORED_ASSESSMENT_STATUSES)[number], authorId = 'eng') => ({ status, teamId: 'geo', authorId });

  it('should let the owning team and officers draft, nobody else', () => {
    expect([officer, requester, teammate].map((who) => mayDraftAssessment(who, { teamId: 'geo' }))).toEqual([true, true, true]);
    expect([outsider, auditor, admin].map((who) => mayDraftAssessment(who, { teamId: 'geo' }))).toEqual([false, false, false]);
  });

  it('should let the author, its team and officers submit a draft, and only officers decide', () => {
    expect(assessmentActionsFor(requester, at('DRAFT'))).toEqual(['submit']);
    expect(assessmentActionsFor(outsider, at('DRAFT', 'media'))).toEqual(['submit']);
    expect(assessmentActionsFor(officer, at('DRAFT'))).toEqual(['submit']);
    expect(assessmentActionsFor(officer, at('IN_REVIEW'))).toEqual(['approve', 'reject']);
    expect(assessmentActionsFor(teammate, at('IN_REVIEW'))).toEqual([]);
  });

  it('should offer nothing once decided, and nothing to auditors or admins', () => {
    for (const status of ['APPROVED', 'REJECTED'] as const) expect(assessmentActionsFor(officer, at(status))).toEqual([]);
    for (const status of STORED_ASSESSMENT_STATUSES) for (const who of [auditor, admin]) expect(assessmentActionsFor(who, at(status))).toEqual([]);
  });
});

describe('mayChangeService', () => {
  it("should let officers change any service and the owning team's engineers their own", () => {
    expect(mayChangeService(officer, { teamId: 'geo' })).toBe(true);
    expect(mayChangeService(officer, { teamId: null })).toBe(true);
    expect(mayChangeService(teammate, { teamId: 'geo' })).toBe(true);
  });

  it('should refuse another team, and auditors or admins who are members', () => {
    expect(mayChangeService(outsider, { teamId: 'geo' })).toBe(false);
    expect(mayChangeService(teammate, { teamId: null })).toBe(false);
    expect(mayChangeService(auditor, { teamId: 'geo' })).toBe(false);
    expect(mayChangeService(admin, { teamId: 'geo' })).toBe(false);
  });
});

describe('mayEditSharing', () => {
  const parties = (status: (typeof SHARING_STATUSES)[number], requestedById = 'eng') => ({ status, teamId: 'geo', requestedById });

  it('should let those who may submit a draft change it', () => {
    for (const who of [officer, requester, teammate]) expect(mayEditSharing(who, parties('DRAFT'))).toBe(true);
    expect(mayEditSharing(actor('eng3', ['ENGINEER'], ['media']), parties('DRAFT', 'eng3'))).toBe(true);
  });

  it('should refuse outsiders, and everyone once the arrangement left DRAFT', () => {
    for (const who of [outsider, auditor, admin]) expect(mayEditSharing(who, parties('DRAFT'))).toBe(false);
    for (const status of SHARING_STATUSES.filter((s) => s !== 'DRAFT')) {
      for (const who of [officer, requester, teammate]) expect(mayEditSharing(who, parties(status))).toBe(false);
    }
  });
});

describe('role-only permissions', () => {
  it('should give processors and the taxonomy to officers', () => {
    expect(mayManageProcessors(officer)).toBe(true);
    expect(mayExtendTaxonomy(officer)).toBe(true);
    for (const who of [teammate, auditor, admin]) {
      expect(mayManageProcessors(who)).toBe(false);
      expect(mayExtendTaxonomy(who)).toBe(false);
    }
  });

  it('should give users, teams and tokens to admins', () => {
    expect(mayAdministerAccess(admin)).toBe(true);
    for (const who of [officer, teammate, auditor]) expect(mayAdministerAccess(who)).toBe(false);
  });

  it('should give exports to auditors, officers and admins', () => {
    for (const who of [auditor, officer, admin]) expect(mayExport(who)).toBe(true);
    expect(mayExport(teammate)).toBe(false);
  });
});
