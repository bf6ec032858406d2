"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { USER_ROLES, type TUpdateUser, type TUser, type TUserRole } from "@/lib/shared/users/users.schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Badge, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { CreateUserDialog } from "./create-user-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { DataTable } from "@/components/ui/data-table";

type Pending = { user: TUser; change: TUpdateUser } | null;

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("users");
  const tRole = useTranslations("roles");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<TUser | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const users = useQuery({ queryKey: queryKeys.users(), queryFn: () => apiFetch<{ items: TUser[] }>("/api/v1/users") });
  const update = useMutation({
    mutationFn: ({ user, change }: NonNullable<Pending>) => apiFetch<TUser>(`/api/v1/users/${user.id}`, { method: "PATCH", body: change }),
    onSuccess: async () => {
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.users() });
    },
  });

  const ask = (user: TUser, change: TUpdateUser) => {
    update.reset();
    setPending({ user, change });
  };

  return (
    <section className="space-y-4">
      <div className="flex justify-end">
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t("add")}
        </Button>
      </div>
      {users.isPending ? <LoadingState /> : null}
      {users.isError ? <ErrorState message={errorMessage(users.error)} onRetry={() => void users.refetch()} /> : null}
      {users.data && users.data.items.length === 0 ? <EmptyState title={t("empty")} /> : null}
      {users.data && users.data.items.length > 0 ? (
        <DataTable label={t("title")} dense={false} columns={[t("username"), t("displayName"), t("role"), t("status"), t("created"), { label: t("actions"), align: "right" }]}>
          {users.data.items.map((user) => (
            <tr key={user.id} data-testid={`user-row-${user.username}`} className="hover:bg-slate-900/60">
              <td className="px-4 py-2 font-mono text-slate-100">{user.username}</td>
              <td className="px-4 py-2">{user.displayName}</td>
              <td className="px-4 py-2">
                <select
                  aria-label={t("roleOf", { username: user.username })}
                  value={user.role}
                  disabled={user.id === currentUserId}
                  onChange={(e) => ask(user, { role: e.target.value as TUserRole })}
                  className="rounded border border-slate-700 bg-slate-900 px-2 py-1 text-sm"
                >
                  {USER_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {tRole(r)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="px-4 py-2">
                {user.disabled ? <Badge tone="red">{t("disabled")}</Badge> : user.mustChangePassword ? <Badge tone="amber">{t("mustChangeBadge")}</Badge> : <Badge tone="green">{t("active")}</Badge>}
              </td>
              <td className="px-4 py-2 text-slate-400" title={user.createdAt}>
                {format.dateTime(new Date(user.createdAt), { dateStyle: "medium" })}
              </td>
              <td className="space-x-2 px-4 py-2 text-right whitespace-nowrap">
                <Button size="sm" onClick={() => setResetting(user)}>
                  {t("resetPassword")}
                </Button>
                {user.id !== currentUserId ? (
                  <Button size="sm" variant={user.disabled ? "secondary" : "danger"} onClick={() => ask(user, { disabled: !user.disabled })}>
                    {user.disabled ? t("enable") : t("disable")}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <ConfirmDialog
        open={pending !== null}
        title={pending?.change.disabled !== undefined ? (pending.change.disabled ? t("disableTitle") : t("enableTitle")) : t("roleTitle")}
        body={
          pending?.change.disabled !== undefined
            ? t(pending.change.disabled ? "disableBody" : "enableBody", { username: pending.user.username })
            : t("roleBody", { username: pending?.user.username ?? "", role: pending?.change.role ? tRole(pending.change.role) : "" })
        }
        confirmLabel={t("confirm")}
        danger={pending?.change.disabled === true}
        pending={update.isPending}
        error={update.error ? errorMessage(update.error) : null}
        onConfirm={() => pending && update.mutate(pending)}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}
