from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the person asked for erasure and no retention duty applies (Art. 17 GDPR)."),
    )
    confirm = forms.BooleanField(label=_("I have checked that the law allows erasing this person's data now."))
