import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupsFor } from '../../common/batch';
import { ProjectRectification } from './rectification.entity';

/** A project's rectifications, newest first, one statement per request. */
export function rectificationLoaders(ds: DataSource) {
  return {
    rectificationsByProject: new DataLoader<string, ProjectRectification[]>(async (ids) => {
      const rows = await ds.getRepository(ProjectRectification).find({ where: { projectId: In([...ids]) }, order: { orderedAt: 'DESC', id: 'ASC' } });
      return groupsFor(ids, rows, (r) => r.projectId);
    }),
  };
}
