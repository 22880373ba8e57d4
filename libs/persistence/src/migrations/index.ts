import { Foundation1764400000000 } from './1764400000000-foundation';
import { Policies1764400001000 } from './1764400001000-policies';
import { InventorySharing1764400002000 } from './1764400002000-inventory-sharing';
import { Records1764400003000 } from './1764400003000-records';
import { Performance1764400005000 } from './1764400005000-performance';
import { SessionTokens1764400006000 } from './1764400006000-session-tokens';
import { Utf8mb4Schema1764400008000 } from './1764400008000-utf8mb4-schema';
import { OutboxWebhooks1764400015000 } from './1764400015000-outbox-webhooks';
import { InventoryVersion1764400016000 } from './1764400016000-inventory-version';
import { Notices1764400040000 } from './1764400040000-notices';
import { AdequacyRegister1764400050000 } from './1764400050000-adequacy-register';
import { AuditSubtrees1764400060000 } from './1764400060000-audit-subtrees';
import { Assessments1764400070000 } from './1764400070000-assessments';
import { ServiceProcessorHistory1764400080000 } from './1764400080000-service-processor-history';

/** Every migration, oldest first. Each runs unchanged on MySQL/MariaDB and SQLite. */
export const ALL_MIGRATIONS = [
  Foundation1764400000000,
  Policies1764400001000,
  InventorySharing1764400002000,
  Records1764400003000,
  Performance1764400005000,
  SessionTokens1764400006000,
  Utf8mb4Schema1764400008000,
  OutboxWebhooks1764400015000,
  InventoryVersion1764400016000,
  Notices1764400040000,
  AdequacyRegister1764400050000,
  AuditSubtrees1764400060000,
  Assessments1764400070000,
  ServiceProcessorHistory1764400080000,
];
