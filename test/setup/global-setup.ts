// Placeholder: replaced by the real-Postgres global setup of the console foundation.
export default function setup(): void {}
