import {
  privacyRequestInputSchema,
  type PrivacyRequest,
  type PrivacyRequestInput,
} from '../../shared/domain/privacy.js';
import type { PrivacyQuery } from '../../shared/domain/privacy-query.js';
import type { Page } from '../../shared/domain/query.js';
import { SynapseError } from '../../shared/errors.js';
import type { Vault } from '../vault/vault.js';
import { parseInput } from '../validation.js';
import { responseDeadline } from './deadline.js';
import { PrivacyRequestRepository } from './repository.js';

const ENTITY = 'privacy_request';

/** Data-subject requests and their response deadlines. */
export class PrivacyRequestService {
  readonly repository: PrivacyRequestRepository;

  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
  ) {
    this.repository = new PrivacyRequestRepository(vault.db);
  }

  add(input: PrivacyRequestInput): PrivacyRequest {
    const draft = parseInput(privacyRequestInputSchema, input, 'privacy request');
    const dueOn = responseDeadline(draft.receivedOn);

    return this.vault.transaction(() => {
      const id = this.repository.insert({ ...draft, dueOn }, new Date().toISOString());
      const created = this.mustGet(id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'privacy_request.create',
        entityType: ENTITY,
        entityId: id,
        after: created,
      });
      return created;
    });
  }

  update(id: number, changes: Partial<PrivacyRequestInput>): PrivacyRequest {
    return this.vault.transaction(() => {
      const before = this.mustGet(id);
      const draft = parseInput(
        privacyRequestInputSchema,
        { ...before, ...changes },
        'privacy request',
      );
      const dueOn = responseDeadline(draft.receivedOn);
      this.repository.update(id, { ...draft, dueOn }, new Date().toISOString());
      const after = this.mustGet(id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'privacy_request.update',
        entityType: ENTITY,
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  list(query?: PrivacyQuery): Page<PrivacyRequest> {
    return this.repository.list(query);
  }

  private mustGet(id: number): PrivacyRequest {
    const request = this.repository.get(id);
    if (request === null) throw new SynapseError('NOT_FOUND', `No privacy request with id ${id}.`);
    return request;
  }
}
