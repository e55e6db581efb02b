import type { FormEvent } from 'react'

/** A form's submit handler that runs `action` in the page instead of letting the browser submit the form. */
export function whenSubmitted(action: () => void): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault()
    action()
  }
}
