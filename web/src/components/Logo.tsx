export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="logo">
      <rect width="32" height="32" rx="7" fill="#2b5dd9" />
      <path d="M8 10h16v10H15l-5 4v-4H8z" fill="#fff" />
    </svg>
  );
}
