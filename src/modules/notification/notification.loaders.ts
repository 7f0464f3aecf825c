import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupsFor } from '../../common/batch';
import { WebhookAttempt } from './webhook-attempt.entity';

/** Batches the delivery log: one statement for the attempts of every delivery on a page. */
export function notificationLoaders(ds: DataSource) {
  return {
    attemptsByDeliveryId: new DataLoader<string, WebhookAttempt[]>(async (ids) => {
      const rows = await ds.getRepository(WebhookAttempt).find({ where: { deliveryId: In([...ids]) }, order: { attempt: 'ASC' } });
      return groupsFor(ids, rows, (a) => a.deliveryId);
    }),
  };
}
