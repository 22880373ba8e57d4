import type { AssessmentKind } from './vocabulary';

export interface AssessmentQuestion {
  /** Stable: answers are stored by it, so it never changes meaning. */
  id: string;
  text: string;
}

export interface AssessmentQuestionnaire {
  kind: AssessmentKind;
  version: number;
  questions: readonly AssessmentQuestion[];
}

/**
 * DPIA version 1, modelled on GDPR Art. 35(7): (a) a description of the
 * processing and its purposes, (b) necessity and proportionality, (c) the
 * risks to people's rights and freedoms, (d) the measures against them;
 * with the data protection officer's advice (Art. 35(2)) and the views of
 * the people concerned (Art. 35(9)). Frozen: a change is a new version.
 */
const DPIA_V1: AssessmentQuestionnaire = {
  kind: 'DPIA',
  version: 1,
  questions: [
    { id: 'processing.nature', text: 'What personal data does the service collect, from whom and how, where is it stored, and who can see it?' },
    { id: 'processing.purposes', text: 'What is the data used for, on which legal basis for each purpose, and, where the basis is a legitimate interest, which interest?' },
    { id: 'processing.scope', text: 'How many people are concerned, how much data, for how long is it kept, and across which countries?' },
    { id: 'processing.context', text: 'Who are the people concerned, what do they expect, and are children or other vulnerable people among them?' },
    { id: 'necessity.proportionality', text: 'Why is each kind of data needed for these purposes, and could they be reached with less data or in a less intrusive way?' },
    { id: 'necessity.rights', text: 'How are people told about the processing, and how do they see, correct, delete or object to their data?' },
    { id: 'necessity.processors', text: 'Which processors receive the data, what binds them, and does any of it leave the home region?' },
    { id: 'risks.harms', text: 'What could harm the people concerned (unwanted access, unwanted change, loss of data), how likely is each harm and how severe would it be (record each as a risk)?' },
    { id: 'measures.safeguards', text: 'Which measures, safeguards and security controls address each risk, and how do you show they work?' },
    { id: 'consultation.dpo', text: 'What did the data protection officer advise, and was the advice followed? If not, why not?' },
    { id: 'consultation.people', text: 'Were the people concerned or their representatives asked for their views? If not, why not?' },
  ],
};

/**
 * TIA version 1, modelled on the six steps of EDPB Recommendations 01/2020:
 * know your transfers, identify the transfer tool, assess the law and
 * practice of the destination, adopt supplementary measures, take the
 * procedural steps, re-evaluate. Frozen: a change is a new version.
 */
const TIA_V1: AssessmentQuestionnaire = {
  kind: 'TIA',
  version: 1,
  questions: [
    { id: 'transfer.map', text: 'What personal data is transferred, to which recipients and onward recipients, in which countries, for what purpose, and how (sent, stored, or reached remotely)?' },
    { id: 'transfer.tool', text: 'Which transfer tool does each transfer rely on (standard contractual clauses, binding corporate rules, a certification or a code of conduct), and where is it signed or approved?' },
    { id: 'destination.law', text: 'Could the law of the destination country, in particular public authorities\u2019 access to data, keep the recipient from honouring the tool? Which sources did you read?' },
    { id: 'destination.practice', text: 'How is that law applied in practice: has the recipient received requests from public authorities, and how does it handle them?' },
    { id: 'measures.supplementary', text: 'Which technical, contractual or organisational measures close the gaps found, for example encryption with keys kept in the home region, or pseudonymisation?' },
    { id: 'measures.procedure', text: 'Which formal steps did those measures take (for example changed clauses, or consulting the supervisory authority where required)?' },
    { id: 'review.plan', text: 'When and how will this assessment be checked again, and which changes at the recipient or in the destination would bring that forward?' },
  ],
};

function frozen(q: AssessmentQuestionnaire): AssessmentQuestionnaire {
  q.questions.forEach((question) => Object.freeze(question));
  Object.freeze(q.questions);
  return Object.freeze(q);
}

/** Every version of every questionnaire, oldest first per kind. Versions are never edited: add one. */
export const ASSESSMENT_QUESTIONNAIRES: readonly AssessmentQuestionnaire[] = Object.freeze([frozen(DPIA_V1), frozen(TIA_V1)]);
