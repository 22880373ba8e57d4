import type { AdequacyRecipient } from './adequacy-register';
import type { TransferMechanism } from './mechanisms';

/** A sub-processor as its processor's DPA lists it, with its own transfer mechanism. */
export interface SubProcessorTransferFacts extends AdequacyRecipient {
  name: string;
  country: string;
  transferMechanism: TransferMechanism | null;
}

/** What the transfer rules read of a processor, as of the instant asked about. */
export interface ProcessorTransferFacts extends AdequacyRecipient {
  key: string;
  country: string;
  transferMechanism: TransferMechanism | null;
  subProcessors?: readonly SubProcessorTransferFacts[] | null;
}

/** What a sharing arrangement moves, and why. */
export interface ArrangementContent {
  dataCategories: readonly string[];
  purposes: readonly string[];
  legalBasis: string;
}
