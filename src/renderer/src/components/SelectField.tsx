import type { ReactNode, SelectHTMLAttributes } from 'react'

/** One choice of a select: the value kept, and the words shown. */
export interface Option<T extends string> {
  value: T
  label: string
}

interface SelectFieldProps<T extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> {
  id: string
  label: ReactNode
  /** Visually hidden unless told otherwise: most of the app's selects say what they are by their options. */
  labelClassName?: string
  labelTitle?: string
  value: T
  options: readonly Option<T>[]
  onChange: (value: T) => void
}

/** A labelled select of the given options; children (an optgroup) come after them. */
export function SelectField<T extends string>({
  id,
  label,
  labelClassName = 'visually-hidden',
  labelTitle,
  value,
  options,
  onChange,
  className = 'form-select',
  children,
  ...rest
}: SelectFieldProps<T>) {
  return (
    <>
      <label htmlFor={id} className={labelClassName} title={labelTitle}>
        {label}
      </label>
      <select {...rest} id={id} className={className} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
    </>
  )
}
