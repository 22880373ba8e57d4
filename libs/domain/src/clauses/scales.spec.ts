import { MAX_SCALE_NUMBER, SCALES, ValueOffScaleError, compareValues, isLeastProtective, isOnScale, stricterOf } from './scales';

describe('compareValues', () => {
  it('should order permission scales PROHIBITED > CONSENT > ALLOWED', () => {
    for (const topic of ['COLLECTION', 'USE', 'SHARING'] as const) {
      expect(compareValues(topic, 'PROHIBITED', 'CONSENT')).toBe('STRICTER');
      expect(compareValues(topic, 'CONSENT', 'ALLOWED')).toBe('STRICTER');
      expect(compareValues(topic, 'ALLOWED', 'PROHIBITED')).toBe('WEAKER');
      expect(compareValues(topic, 'CONSENT', 'CONSENT')).toBe('EQUAL');
    }
  });

  it('should treat fewer retention days as stricter and UNLIMITED as least', () => {
    expect(compareValues('RETENTION', '30', '90')).toBe('STRICTER');
    expect(compareValues('RETENTION', '365', '90')).toBe('WEAKER');
    expect(compareValues('RETENTION', 'UNLIMITED', String(MAX_SCALE_NUMBER))).toBe('WEAKER');
    expect(compareValues('RETENTION', 'UNLIMITED', 'UNLIMITED')).toBe('EQUAL');
    expect(compareValues('RETENTION', '0', '1')).toBe('STRICTER');
  });

  it('should order encryption, rights and communication scales', () => {
    expect(compareValues('ENCRYPTION', 'AT_REST_AND_IN_TRANSIT', 'IN_TRANSIT')).toBe('STRICTER');
    expect(compareValues('ENCRYPTION', 'NONE', 'IN_TRANSIT')).toBe('WEAKER');
    expect(compareValues('RIGHT', 'NOT_GRANTED', 'GRANTED')).toBe('WEAKER');
    expect(compareValues('COMMUNICATION', 'OPT_IN', 'OPT_OUT')).toBe('STRICTER');
    expect(compareValues('COMMUNICATION', 'MANDATORY', 'OPT_OUT')).toBe('WEAKER');
  });

  it('should treat more years and more notice days as stricter', () => {
    expect(compareValues('MINORS', '16', '13')).toBe('STRICTER');
    expect(compareValues('MINORS', '13', '16')).toBe('WEAKER');
    expect(compareValues('AMENDMENT', '30', '14')).toBe('STRICTER');
    expect(compareValues('AMENDMENT', '7', '7')).toBe('EQUAL');
  });

  it('should throw a named error for a value off the scale', () => {
    expect(() => compareValues('SHARING', 'MAYBE', 'ALLOWED')).toThrow(ValueOffScaleError);
    expect(() => compareValues('MINORS', 'UNLIMITED', '13')).toThrow(/MINORS scale/);
  });
});

describe('isOnScale', () => {
  it('should accept every scale value', () => {
    expect(isOnScale('USE', 'CONSENT')).toBe(true);
    expect(isOnScale('RETENTION', 'UNLIMITED')).toBe(true);
    expect(isOnScale('RETENTION', '0')).toBe(true);
    expect(isOnScale('MINORS', '16')).toBe(true);
  });

  it('should reject values of another topic', () => {
    expect(isOnScale('ENCRYPTION', 'CONSENT')).toBe(false);
    expect(isOnScale('RIGHT', 'OPT_IN')).toBe(false);
  });

  it('should reject non-canonical, negative, fractional and oversized numbers', () => {
    for (const v of ['030', '-1', '1.5', '1e3', ' 30', '', String(MAX_SCALE_NUMBER + 1), '99999999999']) {
      expect(isOnScale('RETENTION', v)).toBe(false);
    }
  });

  it('should reject lowercase spellings and UNLIMITED outside RETENTION', () => {
    expect(isOnScale('SHARING', 'allowed')).toBe(false);
    expect(isOnScale('AMENDMENT', 'UNLIMITED')).toBe(false);
  });
});

describe('isLeastProtective', () => {
  it('should recognise the last value of each scale', () => {
    expect(isLeastProtective('SHARING', 'ALLOWED')).toBe(true);
    expect(isLeastProtective('SHARING', 'CONSENT')).toBe(false);
    expect(isLeastProtective('RETENTION', 'UNLIMITED')).toBe(true);
    expect(isLeastProtective('RETENTION', '36500')).toBe(false);
    expect(isLeastProtective('ENCRYPTION', 'NONE')).toBe(true);
    expect(isLeastProtective('RIGHT', 'NOT_GRANTED')).toBe(true);
    expect(isLeastProtective('COMMUNICATION', 'MANDATORY')).toBe(true);
    expect(isLeastProtective('MINORS', '0')).toBe(true);
    expect(isLeastProtective('AMENDMENT', '1')).toBe(false);
  });
});

describe('stricterOf', () => {
  it('should pick the more protective value', () => {
    expect(stricterOf('RETENTION', '90', '30')).toBe('30');
    expect(stricterOf('SHARING', 'PROHIBITED', 'ALLOWED')).toBe('PROHIBITED');
  });
});

describe('Scale.unit', () => {
  it('should name what a numeric scale counts and be null for ordinal scales', () => {
    expect(SCALES.RETENTION.unit).toBe('days');
    expect(SCALES.MINORS.unit).toBe('years');
    expect(SCALES.AMENDMENT.unit).toBe('days');
    expect(SCALES.SHARING.unit).toBeNull();
  });
});
