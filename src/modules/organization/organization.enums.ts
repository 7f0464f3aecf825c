import { registerEnumType } from 'type-graphql';

/** The kinds of unit the regulation addresses (第二条: 各镇（街道）、园区、各区直部门). */
export enum OrganizationKind {
  TOWN = 'TOWN',
  SUBDISTRICT = 'SUBDISTRICT',
  PARK = 'PARK',
  DEPARTMENT = 'DEPARTMENT',
  DIRECT_UNIT = 'DIRECT_UNIT',
}

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: '单位类型 — kind of organisation',
  valuesConfig: {
    TOWN: { description: '镇 — town' },
    SUBDISTRICT: { description: '街道 — subdistrict' },
    PARK: { description: '园区 — industrial or development park' },
    DEPARTMENT: { description: '区直部门 — district department or office' },
    DIRECT_UNIT: { description: '直属单位 — unit directly under the district or a department' },
  },
});
