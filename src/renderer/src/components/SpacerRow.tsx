/**
 * Stands in for the rows a windowed table does not draw (see useVirtualRows), so its scroll bar
 * measures the whole list. Hidden from assistive technology: the table's aria-rowcount and each row's
 * aria-rowindex say where the drawn rows are.
 */
export function SpacerRow({ height, columns, className }: { height: number; columns: number; className: string }) {
  return (
    <tr aria-hidden="true" className={className} style={{ height }}>
      <td colSpan={columns} />
    </tr>
  )
}
