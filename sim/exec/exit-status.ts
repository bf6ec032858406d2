/**
 * The Status the kubelet writes on the error channel when a command ends: Success, or
 * NonZeroExitCode with the code in `details.causes[0].message` (reason ExitCode) and
 * containerd's wording of the error. Like the kubelet's, it has no kind, apiVersion or code.
 */
export function exitStatus(argv: string[], code: number): Record<string, unknown> {
  if (code === 0) return { metadata: {}, status: "Success" };
  return {
    metadata: {},
    status: "Failure",
    message: `command terminated with non-zero exit code: error executing command [${argv.join(" ")}], exit code ${code}`,
    reason: "NonZeroExitCode",
    details: { causes: [{ reason: "ExitCode", message: String(code) }] },
  };
}
