/**
 * The Register form's checks before anything is sent (required fields, the email, the pool's password
 * policy), the main process's refusals shown on the field they are about, and the form kept when the
 * operator leaves the screen.
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { RegisterScreen } from '../../../../src/renderer/src/features/register/RegisterScreen'
import { useRegistration } from '../../../../src/renderer/src/features/register/registrationStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo, registered } from '../../support/fixtures'

let fake: FakeApi
const field = (label: string) => screen.getByLabelText(label, { selector: 'input' })
const registerButton = () => screen.getByRole('button', { name: 'Register user' })
/** Marked wrong for the operator: a required field left empty is not, until the form is sent. */
const flagged = (element: HTMLElement) => element.getAttribute('aria-invalid') === 'true'

beforeEach(() => {
  fake = installFakeApi()
  useRegistration.setState(useRegistration.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  connectTo()
})

async function fillValidForm(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(field('Username'), 'jane_doe')
  await user.type(field('Email'), 'jane@example.com')
  await user.type(field('Password'), 'Secret123')
}

describe('the Register form', () => {
  it('names every required field that is empty and sends nothing', async () => {
    const user = userEvent.setup()
    render(<RegisterScreen />)
    await user.click(registerButton())
    expect(screen.getByRole('alert')).toHaveTextContent(/Not registered yet.*Username.*Email.*Password/)
    expect(field('Username')).toHaveAccessibleDescription(/Enter a username/)
    expect(field('Email')).toHaveAccessibleDescription(/Enter an email address/)
    expect(field('Password')).toHaveAccessibleDescription(/Enter a password/)
    await waitFor(() => expect(field('Username')).toHaveFocus())
    expect(fake.calls.register).not.toHaveBeenCalled()
  })

  it('says what is wrong with an email address as it is typed, and not before', async () => {
    const user = userEvent.setup()
    render(<RegisterScreen />)
    expect(flagged(field('Email'))).toBe(false)
    await user.type(field('Email'), 'jane@')
    expect(flagged(field('Email'))).toBe(true)
    expect(field('Email')).toHaveAccessibleDescription('Enter a valid email address, like jane@example.com')
    await user.type(field('Email'), 'example.com')
    expect(flagged(field('Email'))).toBe(false)
  })

  it("ticks off the pool's password rules as the password is typed", async () => {
    const user = userEvent.setup()
    render(<RegisterScreen />)
    const rules = () =>
      within(screen.getByRole('list', { name: 'Password rules' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    await user.type(field('Password'), 'secret')
    expect(rules()).toEqual(['○ At least 8 characters (not met)', '○ An upper-case letter (not met)', '✓ A lower-case letter (met)', '○ A number (not met)'])
    expect(field('Password')).toHaveAccessibleDescription(/Needs at least 8 characters, an upper-case letter, a number/)
    await user.type(field('Password'), 'A1x')
    expect(rules().every((rule) => rule?.endsWith('(met)'))).toBe(true)
    expect(flagged(field('Password'))).toBe(false)
  })

  it("shows the main process's refusal on the field it is about, until that field is changed", async () => {
    const user = userEvent.setup()
    fake.fail('register', {
      code: 'USERNAME_EXISTS',
      message: 'A user with this username already exists.',
      fields: { username: 'jane_doe is taken: choose another username' }
    })
    render(<RegisterScreen />)
    await fillValidForm(user)
    await user.click(registerButton())

    expect(await screen.findByRole('alert')).toHaveTextContent(/A user with this username already exists\..*code: USERNAME_EXISTS/)
    expect(field('Username')).toHaveAccessibleDescription('jane_doe is taken: choose another username')
    expect(flagged(field('Email'))).toBe(false)
    expect(fake.calls.register).toHaveBeenCalledWith({ username: 'jane_doe', email: 'jane@example.com', password: 'Secret123', tier: 'standard' })

    await user.type(field('Username'), '2')
    expect(flagged(field('Username'))).toBe(false)
    expect(field('Username')).toHaveValue('jane_doe2')
  })

  it("shows the main process's refusal of an extra attribute on that attribute's row", async () => {
    const user = userEvent.setup()
    fake.fail('register', {
      code: 'ATTRIBUTE_NOT_IN_SCHEMA',
      message: 'The pool refused an attribute.',
      fields: { 'attributes.company': 'company is read-only' }
    })
    render(<RegisterScreen />)
    await fillValidForm(user)
    await user.click(screen.getByRole('button', { name: 'Add attribute' }))
    await user.type(screen.getByRole('textbox', { name: 'Attribute name 1' }), 'company')
    await user.type(screen.getByRole('textbox', { name: 'Attribute value 1' }), 'Acme')
    await user.click(registerButton())

    const name = screen.getByRole('textbox', { name: 'Attribute name 1' })
    await waitFor(() => expect(name).toHaveAccessibleDescription('company is read-only'))
    expect(fake.calls.register).toHaveBeenCalledWith(expect.objectContaining({ attributes: { company: 'Acme' } }))
    await user.type(screen.getByRole('textbox', { name: 'Attribute value 1' }), ' Ltd')
    expect(name).not.toHaveAccessibleDescription('company is read-only')
  })

  it('keeps what was typed when the screen is left and opened again', async () => {
    const user = userEvent.setup()
    const first = render(<RegisterScreen />)
    await fillValidForm(user)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tier' }), 'premium')
    first.unmount()

    render(<RegisterScreen />)
    expect(field('Username')).toHaveValue('jane_doe')
    expect(field('Email')).toHaveValue('jane@example.com')
    expect(field('Password')).toHaveValue('Secret123')
    expect(screen.getByRole('combobox', { name: 'Tier' })).toHaveValue('premium')
  })

  it('empties the form once the user is registered, and shows what was done', async () => {
    const user = userEvent.setup()
    fake.succeed('register', registered())
    render(<RegisterScreen />)
    await fillValidForm(user)
    await user.click(registerButton())
    expect(await screen.findByRole('heading', { name: 'Registered jane_doe' })).toBeInTheDocument()
    expect(field('Username')).toHaveValue('')
    expect(field('Password')).toHaveValue('')
  })
})
