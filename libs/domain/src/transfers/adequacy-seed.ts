import type { AdequacyEntry } from './adequacy-register';

export interface AdequacySeedEntry extends AdequacyEntry {
  /** The Commission decision, as the Official Journal numbers it. */
  decision: string;
  /** Where the dates were checked. */
  sources: readonly string[];
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

/**
 * A decision adopted on `adopted`, recorded as known that day. The seed is
 * the Commission's record, not an officer's late entry: `recordedAt` is the
 * adoption date, so answers as of any past instant see the decisions that
 * applied then (stamping the seeding time instead would make every transfer
 * before it look unlawful).
 */
function decided(
  country: string,
  adopted: string,
  decision: string,
  sources: readonly string[],
  more: { scope?: AdequacyEntry['scope']; validFrom?: string; validUntil?: string; note?: string } = {},
): AdequacySeedEntry {
  return {
    country,
    validFrom: day(more.validFrom ?? adopted),
    validUntil: more.validUntil ? day(more.validUntil) : null,
    scope: more.scope ?? null,
    recordedAt: day(adopted),
    note: more.note ?? null,
    decision,
    sources,
  };
}

const EUR_LEX = (celex: string) => `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${celex}`;
const COMMISSION_LIST = 'https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en';
const REVIEW_2016 = `${EUR_LEX('32016D2295')} (Implementing Decision (EU) 2016/2295 amending the eleven Directive-era decisions, by number)`;

/**
 * The European Commission's adequacy decisions as of 2026-01-01 (GDPR
 * Art. 45; those adopted under Directive 95/46/EC stay in force by
 * Art. 45(9)).
 *
 * Dates: `validFrom` is the ADOPTION date, the date in each decision's
 * title, for every entry. Directive-era decisions were addressed to the
 * Member States and took legal effect on notification, days later (Canada:
 * notified 2002-01-04 per EUR-Lex); the GDPR-era ones applied from adoption
 * (Japan, Korea, the United States). Adoption is the one date the
 * Commission's pages and EUR-Lex give for every decision. Days are UTC
 * midnights. `validUntil` is exclusive: a decision that "shall expire on 27
 * June 2025" is valid through that day.
 *
 * The United Kingdom's decision (EU) 2021/1772 carried a sunset (27 June
 * 2025); (EU) 2025/1226 of 24 June 2025 moved it to 27 December 2025 and
 * (EU) 2025/2574 of 19 December 2025 renewed it until 27 December 2031.
 * Each amendment is an entry of its own, recorded on its adoption day, with
 * the 2021 start and the new end: the register is never rewritten.
 */
export const ADEQUACY_SEED: readonly AdequacySeedEntry[] = [
  decided('CH', '2000-07-26', '2000/518/EC', [EUR_LEX('02000D0518-20161217'), REVIEW_2016, COMMISSION_LIST]),
  decided('CA', '2001-12-20', '2002/2/EC', [EUR_LEX('32002D0002') + ' (date of effect: notification 2002-01-04)', COMMISSION_LIST], {
    scope: 'COMMERCIAL_ORGANISATIONS',
    note: 'recipients subject to the Personal Information Protection and Electronic Documents Act (PIPEDA)',
  }),
  decided('AR', '2003-06-30', '2003/490/EC', [EUR_LEX('02003D0490-20161217'), 'https://europa.eu/rapid/press-release_IP-03-932_en.htm', COMMISSION_LIST]),
  decided('GG', '2003-11-21', '2003/821/EC', [REVIEW_2016, 'the day of adoption only from secondary sources (the copies of the decision found omit its date)', COMMISSION_LIST]),
  decided('IM', '2004-04-28', '2004/411/EC', [REVIEW_2016, 'https://inforights.im/organisations/data-protection-law-2018/legislation-and-case-law/data-protection-act-2002/ (Isle of Man Information Commissioner)', COMMISSION_LIST]),
  decided('JE', '2008-05-08', '2008/393/EC', [EUR_LEX('32008D0393'), 'https://gov.je/News/2024/pages/dataprotectionandprivacystandards.aspx', COMMISSION_LIST]),
  decided('FO', '2010-03-05', '2010/146/EU', [REVIEW_2016, 'https://www.dat.fo/english (Faroese Data Protection Authority)', COMMISSION_LIST], {
    note: 'recipients subject to the Faroese Act on Processing of Personal Data',
  }),
  decided('AD', '2010-10-19', '2010/625/EU', [EUR_LEX('32010D0625'), COMMISSION_LIST]),
  decided('IL', '2011-01-31', '2011/61/EU', [EUR_LEX('02011D0061-20161217'), COMMISSION_LIST], {
    note: 'automated international transfers, or transfers subject to further automated processing in Israel',
  }),
  decided('UY', '2012-08-21', '2012/484/EU', [EUR_LEX('32012D0484'), COMMISSION_LIST], { note: 'automated processing of personal data' }),
  decided('NZ', '2012-12-19', '2013/65/EU', ['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:L:2013:028:FULL', COMMISSION_LIST]),
  decided('JP', '2019-01-23', '(EU) 2019/419', [EUR_LEX('32019D0419'), COMMISSION_LIST], {
    scope: 'PRIVATE_SECTOR',
    note: 'personal information handling business operators under the APPI, with the Supplementary Rules',
  }),
  decided('KR', '2021-12-17', '(EU) 2022/254', [EUR_LEX('32022D0254'), 'https://cnpd.public.lu/en/actualites/international/2021/12/adequacy-south-korea.html', COMMISSION_LIST], {
    note: 'excludes personal credit information processed by entities supervised by the Financial Services Commission',
  }),
  decided('GB', '2021-06-28', '(EU) 2021/1772', [EUR_LEX('32021D1772') + ' (OJ L 360, 11.10.2021; Art. 4 sunset 27 June 2025, as the Commission announced it)', COMMISSION_LIST], {
    validUntil: '2025-06-28',
  }),
  decided('GB', '2025-06-24', '(EU) 2025/1226 amending (EU) 2021/1772', [
    'the date from the LED twin, Implementing Decision (EU) 2025/1225 of 24 June 2025 (OJ 26.6.2025), and the Commission daily news of 19 December 2025 ("In June 2025 ... a technical extension")',
    'the number (EU) 2025/1226 from secondary sources only',
  ], {
    validFrom: '2021-06-28',
    validUntil: '2025-12-28',
    note: 'technical extension to 27 December 2025',
  }),
  decided('GB', '2025-12-19', '(EU) 2025/2574 amending (EU) 2021/1772', [
    'Commission daily news, Brussels, 19 December 2025: renewed, sunset clause running until 27 December 2031',
    'https://eur-lex.europa.eu/eli/dec_impl/2025/2574/oj/eng (OJ 23.12.2025; new Art. 4: expires 27 December 2031), as quoted by secondary sources',
  ], {
    validFrom: '2021-06-28',
    validUntil: '2031-12-28',
    note: 'renewed until 27 December 2031',
  }),
  decided('US', '2023-07-10', '(EU) 2023/1795', [EUR_LEX('32023D1795') + ' (entered into force on adoption)', COMMISSION_LIST], {
    scope: 'DPF_CERTIFIED',
    note: 'organisations on the Data Privacy Framework List kept by the US Department of Commerce',
  }),
];
