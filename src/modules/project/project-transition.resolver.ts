import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Organization } from '../organization';
import { ProjectTransition } from './project-transition.entity';
import { PROJECT_TRANSITIONS, TransitionRule } from './project.rules';

const ruleOf = (t: ProjectTransition): TransitionRule | undefined => (PROJECT_TRANSITIONS as Partial<Record<string, TransitionRule>>)[t.action];

@Resolver(() => ProjectTransition)
export class ProjectTransitionResolver {
  @FieldResolver(() => Organization, { nullable: true, description: "操作人所属单位 — the caller's organisation" })
  actorOrganization(@Root() t: ProjectTransition, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return t.actorOrganizationId ? ctx.loaders.organizationById.load(t.actorOrganizationId) : null;
  }

  @FieldResolver(() => String, { description: '业务动作（中文）— the step in Chinese, e.g. 列入年度计划' })
  actionLabel(@Root() t: ProjectTransition): string {
    return ruleOf(t)?.label ?? t.action;
  }

  @FieldResolver(() => String, { nullable: true, description: '依据条款 — the article of the step, e.g. 第十条' })
  article(@Root() t: ProjectTransition): string | null {
    return ruleOf(t)?.article ?? null;
  }
}
