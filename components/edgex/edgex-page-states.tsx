"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { TEdgexPage } from "@/lib/shared/edgex/edgex-api.schema";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FailureNote } from "./failure-note";

/**
 * The states of one page of an EdgeX list, in one place: loading, the console's error
 * (with retry), the EdgeX service's failure as data, and an empty list.
 */
export function EdgexPageStates({ page, emptyTitle, failureTestId }: { page: UseQueryResult<TEdgexPage<unknown>>; emptyTitle: string; failureTestId?: string }) {
  const errorMessage = useErrorMessage();
  const data = page.data;
  return (
    <>
      {page.isPending ? <LoadingState /> : null}
      {page.isError ? <ErrorState message={errorMessage(page.error)} onRetry={() => void page.refetch()} /> : null}
      {data?.failure ? <FailureNote failure={data.failure} testId={failureTestId} /> : null}
      {data && !data.failure && data.items.length === 0 ? <EmptyState title={emptyTitle} /> : null}
    </>
  );
}
