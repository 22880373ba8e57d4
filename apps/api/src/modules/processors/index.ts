/** The processors feature's face to the other features: the Processor GraphQL type and its loader. */
export { Processor, TransferMechanism } from './processor.types';
export { toProcessor } from './processor.mappers';
export { createProcessorLoaders, type ProcessorLoaders } from './processor.loaders';
export type { ProcessorsContext } from './processors.context';
export { processorTransferFacts } from './processor.transfer-facts';
export { processorsAt, processorsAtInPages } from './processor.queries';
