import { EntityManager, Not } from 'typeorm';
import { refuse, userError, UserError, UserErrorCode } from '../../common/user-error';
import { FREQUENCY_NAME, InformationResource, SHAREABLE, SharingType, syncTooRare } from '../catalogue';
import type { ResourceBefore } from '../catalogue';
import { MAX_CONSUMERS } from './interface.inputs';
import { SharingInterface } from './sharing-interface.entity';
import { MountStatus } from './sharing.enums';

/**
 * Changing an entry may not break its sharing list: no NOT_SHARED (nor an unset sharing type) while an interface is active
 * (第九条), no update frequency that an existing interface's sync frequency cannot keep up with (第十七条).
 * The catalogue runs it on every change of an entry (wired in services.ts).
 */
export async function sharingListProblems(em: EntityManager, r: InformationResource, before: ResourceBefore): Promise<UserError[]> {
  const shareable = (t: SharingType | null) => SHAREABLE.includes(t as SharingType);
  const sharingChanged = !shareable(r.sharingType) && shareable(before.sharingType);
  const frequencyChanged = r.updateFrequency !== before.updateFrequency;
  if (!sharingChanged && !frequencyChanged) return [];
  const active = await em.find(SharingInterface, { where: { resourceId: r.id, mountStatus: Not(MountStatus.WITHDRAWN) } });
  const out: UserError[] = [];
  if (sharingChanged && active.length) {
    const message =
      r.sharingType === SharingType.NOT_SHARED ? '该信息资源仍有共享接口，不能改为不予共享' : '该信息资源仍有共享接口，共享类型须为无条件共享或有条件共享';
    out.push(userError(UserErrorCode.RULE_VIOLATION, message, ['input', 'sharingType'], '第九条'));
  }
  const tooRare = active.filter((i) => syncTooRare(i.syncFrequency, r.updateFrequency));
  if (frequencyChanged && tooRare.length) {
    const f = FREQUENCY_NAME[tooRare[0].syncFrequency];
    out.push(userError(UserErrorCode.RULE_VIOLATION, `已有共享接口的同步频率（${f}）低于新的更新周期`, ['input', 'updateFrequency'], '第十七条'));
  }
  return out;
}

/**
 * An organisation becomes a consumer (使用单位, 第九条 共享清单) of every interface of a resource
 * that is not withdrawn — how an approved sharing request takes effect. An interface it already
 * consumes keeps it once; an interface that already has MAX_CONSUMERS consumers refuses it.
 */
export async function consumerJoinResource(em: EntityManager, resourceId: string, organizationId: string, field: string[]): Promise<void> {
  const live: { id: string; endpoint: string; consumers: number; member: boolean }[] = await em.query(
    `SELECT i.id, i.endpoint,
            (SELECT count(*)::int FROM sharing_interface_consumer c WHERE c.interface_id = i.id) AS consumers,
            EXISTS (SELECT 1 FROM sharing_interface_consumer c WHERE c.interface_id = i.id AND c.organization_id = $2) AS member
       FROM sharing_interface i
      WHERE i.resource_id = $1 AND i.mount_status <> $3
      ORDER BY i.id
        FOR UPDATE OF i`,
    [resourceId, organizationId, MountStatus.WITHDRAWN],
  );
  const joining = live.filter((i) => !i.member);
  const full = joining.find((i) => i.consumers >= MAX_CONSUMERS);
  if (full) refuse(UserErrorCode.TOO_LONG, `共享接口 ${full.endpoint} 的使用单位已达${MAX_CONSUMERS}个上限`, field);
  if (joining.length === 0) return;
  await em
    .createQueryBuilder()
    .relation(SharingInterface, 'consumers')
    .of(joining.map((i) => i.id))
    .add(organizationId);
}
