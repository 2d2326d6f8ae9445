#!/bin/bash
# Tunnelbar's post-remove script: electron-builder's own (templates/linux/after-remove.tpl of
# app-builder-lib 26), then what after-install.sh added.


# Delete the link to the binary
# update-alternatives --remove <name> <path>: 'path' must be the registered alternative binary,
# not the generic symlink — see https://man7.org/linux/man-pages/man1/update-alternatives.1.html
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'

# Remove and unload apparmor profile.
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload the profile from the running kernel before deleting the file so the
  # policy is not left enforced until the next reboot.  Mirror the chroot guard
  # used in the after-install script — live AppArmor operations are not
  # meaningful inside a chroot.
  # https://wiki.debian.org/AppArmor/HowToUse
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi
# Not on an upgrade (deb passes "upgrade"; rpm the number of versions left, 1): the new version's
# post-install has put them in place, and rpm runs this old script after it.
case "$1" in
    upgrade | 1) ;;
    *)
        if [ -L '/usr/bin/tunnelbar' ]; then
            rm -f '/usr/bin/tunnelbar'
        fi
        rm -f '/usr/share/mime/packages/tunnelbar-wireguard.xml'
        if hash update-mime-database 2>/dev/null; then
            update-mime-database /usr/share/mime || true
        fi
        ;;
esac
