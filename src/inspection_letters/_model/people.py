"""The people and places a letter names: Ofsted's offices, signatories, recipients.

Ofsted's offices are data the library ships, so templates never spell out an
address: a letter names its office, and the letterhead is laid out from it.
"""

from types import MappingProxyType

import attrs
from attrs import frozen

from .._errors import InvalidValueError, UnknownNameError
from .checks import (
    LINES_METADATA,
    LINES_VALIDATOR,
    check_email,
    check_image_uri,
    check_text,
    checked,
    to_tuple,
)


@frozen(kw_only=True)
class Office:
    """An Ofsted office, as its letterhead prints it.

    >>> OFFICES["bristol"].address
    ('2 Rivergate', 'Temple Quay', 'Bristol', 'BS1 6EH')
    """

    key: str = checked(check_text)
    """A short stable name for the office, such as ``'bristol'``."""

    address: tuple[str, ...] = attrs.field(
        converter=to_tuple, validator=LINES_VALIDATOR, metadata=LINES_METADATA
    )
    """The postal address, one line a part, as the letterhead prints it."""

    telephone: str | None = checked(check_text, optional=True)
    textphone: str | None = checked(check_text, optional=True)
    email: str | None = checked(check_email, optional=True)
    website: str | None = checked(check_text, optional=True)
    logo: str | None = checked(check_image_uri, optional=True)
    """The sender's logo, drawn at the top left of HTML, PDF and Word letters: a PNG, JPEG or
    GIF as a ``data:`` URI. The library ships none (Ofsted's marks are Ofsted's)."""

    logo_alt: str | None = checked(check_text, optional=True)
    """The logo's alternative text, such as "Ofsted"; needed with a logo."""

    def __attrs_post_init__(self) -> None:
        if (self.logo is None) != (self.logo_alt is None):
            given, lacking = ("logo", "logo_alt") if self.logo_alt is None else ("logo_alt", "logo")
            raise InvalidValueError(f"{lacking}: an office with a {given} needs a {lacking} too")


_CONTACT = {
    "telephone": "0300 123 1231",
    "textphone": "0161 618 8524",
    "email": "enquiries@ofsted.gov.uk",
    "website": "www.gov.uk/ofsted",
}

#: The offices the library knows, by key. The London head office and Bristol
#: are on the seed letters of 2022; Manchester is on the back page of reports.
OFFICES = MappingProxyType(
    {
        "london": Office(
            key="london",
            address=("Clive House", "70 Petty France", "London", "SW1H 9EX"),
            **_CONTACT,
        ),
        "bristol": Office(
            key="bristol", address=("2 Rivergate", "Temple Quay", "Bristol", "BS1 6EH"), **_CONTACT
        ),
        "manchester": Office(
            key="manchester",
            address=("Piccadilly Gate", "Store Street", "Manchester", "M1 2WD"),
            **_CONTACT,
        ),
    }
)


def office(key: str) -> Office:
    """The shipped office with this key.

    >>> office("london").address[0]
    'Clive House'
    >>> office("leeds")
    Traceback (most recent call last):
    ...
    inspection_letters._errors.UnknownNameError: 'leeds' is not an office; expected one of \
'london', 'bristol', 'manchester'
    """
    try:
        return OFFICES[key]
    except (KeyError, TypeError):
        raise UnknownNameError("office", key, OFFICES) from None


@frozen(kw_only=True)
class Signatory:
    """The person who signs a letter.

    The seed letter writes the role with a comma in the header ("National
    Director, Regulation and Social Care") and without one at the sign-off, so
    the sign-off's spelling may differ.
    """

    name: str = checked(check_text)
    role: str = checked(check_text)
    sign_off_role: str | None = checked(check_text, optional=True)
    """The role as the sign-off prints it, where it differs from ``role``."""

    telephone: str | None = checked(check_text, optional=True)
    """A direct line, printed under the letterhead as "Direct T ..."."""

    email: str | None = checked(check_email, optional=True)
    signature: str | None = checked(check_text, optional=True)
    """A description of the handwritten signature's image, used as its alt text."""

    signature_image: str | None = checked(check_image_uri, optional=True)
    """The handwritten signature as a ``data:image/...`` URI, so letters stay self-contained."""

    @property
    def closing_role(self) -> str:
        """The role as the sign-off prints it."""
        return self.sign_off_role if self.sign_off_role is not None else self.role


@frozen(kw_only=True)
class Recipient:
    """The person a letter is addressed to."""

    courtesy_title: str | None = checked(check_text, optional=True)
    """Mr, Mrs, Ms, Dr..., where the letter prints one."""

    given_name: str = checked(check_text)
    """The name the letter greets them by ("Dear Chris")."""

    family_name: str | None = checked(check_text, optional=True)
    role: str | None = checked(check_text, optional=True)
    organisation: str | None = checked(check_text, optional=True)
    address: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=LINES_VALIDATOR, metadata=LINES_METADATA
    )
    email: str | None = checked(check_email, optional=True)

    @property
    def full_name(self) -> str:
        """Title, given name and family name, as the address block prints them.

        >>> Recipient(courtesy_title="Mr", given_name="Chris", family_name="Spencer").full_name
        'Mr Chris Spencer'
        """
        # None is the only false value a name can be: the checks refuse blank text.
        return " ".join(filter(None, (self.courtesy_title, self.given_name, self.family_name)))
