import { Type, type Static } from 'typebox';

export const RoleNameSchema = Type.Union([
  Type.Literal('admin'),
  Type.Literal('supervisor'),
  Type.Literal('agent'),
  Type.Literal('sales'),
]);

export const UserDto = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleNameSchema),
  teamId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]),
});
export type UserDto = Static<typeof UserDto>;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const UserEnvelope = Type.Object({ user: UserDto });
